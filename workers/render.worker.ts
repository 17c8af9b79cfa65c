/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { DOMAdapter, WebWorkerAdapter } from 'pixi.js';
import { createRenderApi } from '../src/render/render-api.ts';

// PixiJS must be told it has no DOM here before anything is created.
DOMAdapter.set(WebWorkerAdapter);

Comlink.expose(createRenderApi());
