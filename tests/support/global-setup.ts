// Starts the local AWS (dynalite in memory, aws-ses-v2-local) once per test run on free ports and
// hands their URLs to the tests through `inject`.
import type { TestProject } from 'vitest/node';
import { startDynamo, startSes } from '../../functions/local/emulators';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    sesEndpoint: string;
  }
}

export default async function setup(project: TestProject) {
  const dynamo = await startDynamo({ port: 0 });
  const ses = await startSes({ port: 0 });
  project.provide('dynamoEndpoint', dynamo.url);
  project.provide('sesEndpoint', ses.url);
  return async () => {
    await ses.close();
    await dynamo.close();
  };
}
