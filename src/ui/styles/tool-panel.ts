import { css } from 'lit';

/** Styles shared by the tool panels that choose parameters and run work in Workers (calibration, sensitivity). */
export const toolPanelStyles = css`
  :host {
    display: block;
    font-size: 0.88rem;
  }
  fieldset {
    border: 1px solid #ddd6c8;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(22rem, 1fr));
    gap: 0.1rem 1rem;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
    margin: 0.5rem 0;
  }
  input[type='number'] {
    width: 5rem;
  }
  button {
    font: inherit;
    padding: 0.3rem 0.8rem;
    border-radius: 4px;
    border: 1px solid #14213d;
    cursor: pointer;
    background: #14213d;
    color: #fff;
  }
  button.secondary {
    background: #fff;
    color: #14213d;
  }
  .problem {
    color: #b00020;
  }
  progress {
    width: 12rem;
    vertical-align: middle;
  }
  :focus-visible {
    outline: 3px solid #f4a261;
  }
`;
