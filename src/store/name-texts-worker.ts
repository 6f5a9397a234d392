// Worker thread of precomputeNameTexts: answers the names it was started with, then ends.
import { parentPort, workerData } from 'node:worker_threads';
import { answerNames, type NameColumns } from './name-texts.js';

parentPort?.postMessage(answerNames(workerData as NameColumns));
