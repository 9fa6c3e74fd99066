import type { Database } from '../db/client.ts';
import type { Config } from './config.ts';

/** What every route and use case may use: the database, the configuration and the clock (an edge, injectable). */
export interface AppContext {
  database: Database;
  config: Config;
  now: () => Date;
}
