// Lambda entry for the HTTP API (API Gateway v2): the same Hono app the local server runs.
import { handle } from 'hono/aws-lambda';
import { createApp } from './app/create-app';
import { awsDeps } from './aws/runtime';

export const handler = handle(
  createApp(await awsDeps(process.env, { queues: ['dispatch', 'send', 'ingest'], secrets: true })),
);
