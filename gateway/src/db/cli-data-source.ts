import 'reflect-metadata';
import { loadConfig } from '../config/config.js';
import { createDataSource } from './data-source.js';

/** The data source the TypeORM CLI (`migration:run`) uses, from the same environment as the gateway. */
export default createDataSource(loadConfig().database, true);
