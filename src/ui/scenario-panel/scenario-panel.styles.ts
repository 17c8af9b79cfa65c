import { css } from 'lit';

export const panelStyles = css`
  :host {
    display: block;
    /* Its changes lay out and paint only itself, not the page, while a run plays. */
    contain: content;
    font-size: 0.9rem;
  }
  .top {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.4rem 0.6rem;
    align-items: center;
    padding-bottom: 0.6rem;
    border-bottom: 1px solid var(--line, #ddd);
  }
  .apply-row {
    grid-column: 1 / -1;
    display: flex;
    gap: 0.6rem;
    align-items: center;
  }
  .state {
    color: var(--muted, #555);
  }
  details.section {
    border-bottom: 1px solid var(--line, #ddd);
    padding: 0.3rem 0;
  }
  details.sub {
    margin: 0.3rem 0 0.3rem 0.4rem;
    padding-left: 0.5rem;
    border-left: 3px solid var(--line, #ddd);
  }
  summary {
    cursor: pointer;
    font-weight: 600;
    padding: 0.25rem 0;
  }
  .section-help {
    margin: 0.2rem 0 0.4rem;
    color: var(--muted, #555);
  }
  .field {
    display: grid;
    grid-template-columns: 1fr 7.5rem;
    gap: 0.15rem 0.5rem;
    padding: 0.35rem 0;
    border-top: 1px dashed #eee;
  }
  .field label {
    font-weight: 500;
    align-self: center;
  }
  .field .help {
    grid-column: 1 / -1;
    color: var(--muted, #555);
    font-size: 0.82rem;
  }
  .field .note {
    grid-column: 1 / -1;
    margin: 0.2rem 0 0;
    font-size: 0.82rem;
    font-style: italic;
  }
  .field .meta {
    display: block;
    font-style: italic;
  }
  .field.invalid input,
  .field.invalid select {
    border: 2px solid #b00020;
    background: #fff3f3;
  }
  .error {
    grid-column: 1 / -1;
    color: #b00020;
    font-weight: 600;
  }
  input,
  select,
  button {
    font: inherit;
  }
  input[type='number'],
  input[type='text'],
  select {
    width: 100%;
    box-sizing: border-box;
    padding: 0.2rem 0.3rem;
  }
  button {
    padding: 0.35rem 0.7rem;
    border-radius: 4px;
    border: 1px solid #14213d;
    background: #14213d;
    color: #fff;
    cursor: pointer;
  }
  button[disabled] {
    opacity: 0.45;
    cursor: default;
  }
  button.small {
    background: #fff;
    color: #14213d;
    margin: 0.3rem 0;
  }
  :focus-visible {
    outline: 3px solid #f4a261;
    outline-offset: 2px;
  }
  /* The facilitator's lock: a fieldset that only disables, with no frame of its own. */
  fieldset.lock {
    border: 0;
    padding: 0;
    margin: 0;
    min-width: 0;
  }
`;
