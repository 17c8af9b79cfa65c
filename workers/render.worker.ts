/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { DOMAdapter, WebWorkerAdapter } from 'pixi.js';
// PixiJS compiles shader and particle code with new Function unless told not to; the page's policy
// (vite.config.ts CONTENT_SECURITY_POLICY) forbids eval, so use its eval-free versions.
import 'pixi.js/unsafe-eval';
import { createRenderApi } from '../src/render/render-api.ts';

// PixiJS must be told it has no DOM here before anything is created.
DOMAdapter.set(WebWorkerAdapter);

Comlink.expose(createRenderApi());
