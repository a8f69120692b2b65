/**
 * One part of the search index's scan of a built site (search-indexer.node.ts): reads each page
 * as bytes and gives its shard and content hash. Run in a worker thread, several at once.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { scanFiles, type ScanJob } from './search-index.node.ts';

parentPort?.postMessage(scanFiles(workerData as ScanJob));
