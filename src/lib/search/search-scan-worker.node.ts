/**
 * One part of the search index's scan of a built site (scripts/search-index.ts): reads each page
 * as bytes and gives its shard and content hash. Run in a worker thread, several at once.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { scanFiles, type ScanJob } from '../src/lib/search/search-index.node.ts';

parentPort?.postMessage(scanFiles(workerData as ScanJob));
