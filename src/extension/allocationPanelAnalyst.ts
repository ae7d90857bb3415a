// The extension host's side of the chart's analyses: sends texts and change events to the analysis
// worker and awaits its answers. Where no worker can start (or it died), the same LedgerAnalyses
// run here instead, so the chart still works, only on this thread.
import { Worker } from 'node:worker_threads';
import type { TextEdit } from '../core/csv/edit';
import type { ChartDrill } from '../shared/protocol';
import {
  LedgerAnalyses,
  type AnalysisReply,
  type AnalysisRequest,
} from './allocationPanelAnalyses';
import type { SourceLabels } from './allocationPanelSource';

type Computed = Extract<AnalysisReply, { type: 'computed' }>;
type Waiter = { resolve: (r: AnalysisReply) => void; reject: (e: Error) => void };

export class Analyst {
  private worker: Worker | undefined;
  private local: LedgerAnalyses | undefined;
  private nextId = 1;
  private readonly waiting = new Map<number, Waiter>();
  /** The version of each ledger the analyses hold (what the next change event must follow). */
  private readonly versions = new Map<string, string>();

  constructor(
    /** dist/analysisWorker.js, or undefined to analyse on this thread. */
    private readonly workerPath: string | undefined,
    private readonly log: (message: string) => void,
  ) {}

  /** Whether the analyses run off the extension host's thread. */
  get inWorker(): boolean {
    return this.local === undefined && this.workerPath !== undefined;
  }

  held(doc: string): string | undefined {
    return this.versions.get(doc);
  }

  open(doc: string, version: string, file: string, text: string): void {
    this.versions.set(doc, version);
    this.send({ type: 'open', doc, version, file, text });
  }

  change(doc: string, version: string, changes: TextEdit[]): void {
    this.versions.set(doc, version);
    this.send({ type: 'change', doc, version, changes });
  }

  drop(doc: string): void {
    if (!this.versions.delete(doc)) return;
    this.send({ type: 'drop', doc });
  }

  async compute(doc: string, labels: SourceLabels): Promise<Computed> {
    const reply = await this.ask({ type: 'compute', id: this.nextId++, doc, labels });
    if (reply.type === 'computed') return reply;
    if (reply.type === 'failed') this.versions.delete(doc);
    throw new Error(reply.type === 'failed' ? reply.message : `unexpected ${reply.type}`);
  }

  async rows(
    doc: string,
    key: string,
    part: string | null,
    drill: ChartDrill,
  ): Promise<number[] | null> {
    const reply = await this.ask({ type: 'rows', id: this.nextId++, doc, key, part, drill });
    return reply.type === 'rows' ? reply.rows : null;
  }

  dispose(): void {
    const w = this.worker;
    this.worker = undefined;
    this.fail(new Error('the chart was closed'));
    void w?.terminate();
  }

  private ask(req: Extract<AnalysisRequest, { id: number }>): Promise<AnalysisReply> {
    return new Promise((resolve, reject) => {
      this.waiting.set(req.id, { resolve, reject });
      this.send(req);
    });
  }

  private send(req: AnalysisRequest): void {
    const worker = this.ensureWorker();
    if (worker) {
      worker.postMessage(req);
      return;
    }
    this.local ??= new LedgerAnalyses();
    const reply = this.local.handle(req);
    if (reply) this.receive(reply);
  }

  private receive(reply: AnalysisReply): void {
    const w = this.waiting.get(reply.id);
    this.waiting.delete(reply.id);
    w?.resolve(reply);
  }

  private ensureWorker(): Worker | undefined {
    if (this.worker || this.local || !this.workerPath) return this.worker;
    try {
      const worker = new Worker(this.workerPath);
      worker.on('message', (reply: AnalysisReply) => this.receive(reply));
      worker.on('error', (e) => this.log(`Allocation chart worker: ${e.stack ?? e.message}`));
      worker.on('exit', (code) => {
        if (this.worker !== worker) return;
        // Its analyses are gone: every ledger is sent again in full on the next chart update.
        this.worker = undefined;
        this.versions.clear();
        this.fail(new Error(`the analysis worker stopped (exit code ${code})`));
      });
      this.worker = worker;
    } catch (e) {
      this.log(
        `Allocation chart worker did not start; analysing on the extension host: ${String(e)}`,
      );
      this.local = new LedgerAnalyses();
    }
    return this.worker;
  }

  private fail(e: Error): void {
    for (const w of this.waiting.values()) w.reject(e);
    this.waiting.clear();
  }
}
