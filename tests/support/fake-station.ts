import { operatorMessage, OperatorError } from '../../electron/shared/operator-message.ts';
import { summarisePickList } from '../../electron/shared/pick-list.ts';
import type { Order } from '../../electron/shared/domain.ts';
import type { PrinterProfile } from '../../electron/shared/printer-profile.ts';
import type {
  Alert,
  BatchView,
  ConnectionTest,
  JobView,
  JournalEvent,
  SettingsView,
  StationApi,
  StationEventName,
  StationEventPayload,
  StationState,
} from '../../electron/shared/station-api.ts';

/**
 * An in-memory StationApi for UI and transport tests: the state is plain data a test arranges,
 * every call is recorded, and `emit` plays an event as the core would. It decides nothing a real
 * station decides beyond what a UI can observe (a print makes a queued job; a reprint needs
 * `confirmed`).
 */
export interface FakeStation extends StationApi {
  calls: Array<{ method: string; input: unknown }>;
  data: {
    state: StationState;
    batches: BatchView[];
    orders: Order[];
    settings: SettingsView;
    alerts: Alert[];
    jobs: JobView[];
    /** Order id (or invoice) → when it was packed. */
    packed: Map<string, string>;
    events: JournalEvent[];
    /** What `testConnection` and `connectServer` answer. */
    connectionTest: ConnectionTest;
  };
  emit<E extends StationEventName>(event: E, payload: StationEventPayload<E>): void;
  listenerCount(): number;
}

export function sampleOrder(overrides: Partial<Order> = {}): Order {
  return {
    orderId: 'o-1',
    invoice: 'INV/2022/09/0001',
    awb: 'JP1234567890',
    courierId: 'jnt',
    courierName: 'J&T Express',
    shopId: 's-1',
    shopName: 'Toko Bunso',
    shippingCost: 9000,
    totalCost: 70000,
    adminNote: '',
    customerNote: '',
    customer: {
      name: 'Siti Rahayu',
      phone: '6281234567890',
      address: 'Jl. Melati No. 5\r\nRT 01/02',
      provinceCode: '31',
      provinceName: 'DKI Jakarta',
      cityCode: '3171',
      cityName: 'Jakarta Selatan',
      districtCode: null,
      districtName: 'Kebayoran Baru',
      postCode: '12110',
    },
    sender: { name: 'Toko Bunso', phone: '6285600000000' },
    items: [{ productId: 'p-1', productName: 'Kaos Polos', qty: 2, productPrice: 30500, totalPrice: 61000 }],
    status: 'PROCESSED',
    createdAt: '2022-09-02 10:00:00',
    processedAt: '2022-09-02 16:11:21',
    sentAt: null,
    printType: '2',
    assign: null,
    labelImage: null,
    ...overrides,
  };
}

export function samplePrinter(overrides: Partial<PrinterProfile> = {}): PrinterProfile {
  return {
    id: 'p-1',
    name: 'Gudang 1',
    uri: 'escpos://127.0.0.1:9100',
    template: '100x150',
    dpi: 203,
    offsetXmm: 0,
    offsetYmm: 0,
    darkness: null,
    labelsPerJob: 5,
    ...overrides,
  };
}

export function sampleJob(overrides: Partial<JobView> = {}): JobView {
  return {
    id: 'job-1',
    processed: '2022-09-02 16:11:21',
    kind: 'print',
    targetPrintStatus: 1,
    printerId: 'p-1',
    printerName: 'Gudang 1',
    state: 'queued',
    totalLabels: 3,
    confirmedLabels: 0,
    possibleDuplicates: 0,
    reason: null,
    reasonText: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export function sampleAlert(overrides: Partial<Alert> = {}): Alert {
  return {
    id: 'alert-1',
    kind: 'printer-offline',
    message: 'Gudang 1: escpos://127.0.0.1:9100 refused the connection (ECONNREFUSED)',
    text: operatorMessage('printer-offline', { printer: 'Gudang 1' }, 'connect ECONNREFUSED 127.0.0.1:9100'),
    at: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    count: 1,
    retryAt: null,
    jobId: null,
    printerId: 'p-1',
    ...overrides,
  };
}

export function createFakeStation(): FakeStation {
  const listeners = new Map<StationEventName, Set<(payload: never) => void>>();
  const calls: FakeStation['calls'] = [];
  const printers = [samplePrinter()];
  const data: FakeStation['data'] = {
    state: { connection: 'ok', lastPollAt: '2026-01-01T00:00:00.000Z', lastError: null, lastErrorText: null, autoPrint: { enabled: false, cutoff: null }, demo: false },
    batches: [
      { processed: '2022-09-02 16:11:21', totalLabels: 3, printStatus: 0, job: null, packed: 0 },
      { processed: '2022-09-01 09:00:00', totalLabels: 2, printStatus: 1, job: null, packed: 0 },
    ],
    orders: [sampleOrder(), sampleOrder({ orderId: 'o-2', invoice: 'INV/2022/09/0002', awb: null, customer: { ...sampleOrder().customer, name: 'Budi', cityName: 'Bandung' } })],
    settings: { apiBaseUrl: 'http://127.0.0.1:1/public', userId: 'a'.repeat(36), hasToken: true, pollSeconds: 10, language: 'id', alertSound: false, alertRepeatSeconds: 30, defaultPrinterId: 'p-1', labelOrder: 'batch', printers },
    alerts: [],
    jobs: [],
    packed: new Map(),
    events: [],
    connectionTest: { ok: true, summary: { NEW: 4, PROCESSED: 5, SENT: 6, DRAFT: 1 } },
  };
  let nextJob = 1;
  const record = (method: string, input: unknown) => calls.push({ method, input });
  const startJob = (processed: string, kind: JobView['kind'], printerId?: string): JobView => {
    const batch = data.batches.find((b) => b.processed === processed);
    if (!batch) throw Object.assign(new Error(`no batch processed at ${processed}`), { name: 'BatchNotFoundError' });
    const job = sampleJob({ id: `job-${nextJob++}`, processed, kind, printerId: printerId ?? 'p-1', totalLabels: batch.totalLabels, targetPrintStatus: batch.printStatus + 1 });
    data.jobs.unshift(job);
    batch.job = job;
    return job;
  };
  /** Moves a job to a new state, on its batch too, as the station's answer would. */
  const updateJob = (jobId: string, state: JobView['state']): JobView => {
    const at = data.jobs.findIndex((j) => j.id === jobId);
    const current = data.jobs[at];
    if (!current) throw new Error(`no job ${jobId}`);
    const kept = state === 'cancelled';
    const job = { ...current, state, reason: kept ? current.reason : null, reasonText: kept ? current.reasonText : null };
    data.jobs[at] = job;
    for (const batch of data.batches) if (batch.job?.id === jobId) batch.job = job;
    return job;
  };
  const fake: FakeStation = {
    calls,
    data,
    emit(event, payload) {
      for (const listener of listeners.get(event) ?? []) (listener as (p: typeof payload) => void)(payload);
    },
    listenerCount: () => [...listeners.values()].reduce((n, set) => n + set.size, 0),
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (payload: never) => void);
      return () => set.delete(listener as (payload: never) => void);
    },
    getState: async (input) => (record('getState', input), data.state),
    listBatches: async (input) => {
      record('listBatches', input);
      return input.q ? data.batches.filter((b) => b.processed.includes(input.q ?? '')) : data.batches;
    },
    getBatchOrders: async (input) => (record('getBatchOrders', input), data.orders),
    scanToPack: async (input) => {
      record('scanToPack', input);
      const code = input.code.trim();
      const order = data.orders.find((o) => o.awb === code || o.invoice === code) ?? null;
      const processed = data.batches[0]?.processed ?? null;
      if (!order || !processed) return { outcome: 'unknown', code, order: null, processed: null, packedAt: null, progress: null };
      const key = order.orderId ?? order.invoice;
      const packedAt = data.packed.get(key) ?? null;
      if (packedAt === null) data.packed.set(key, '2026-01-01T01:00:00.000Z');
      const progress = { packed: data.packed.size, total: data.orders.length };
      return { outcome: packedAt === null ? 'packed' : 'already-packed', code, order, processed, packedAt: packedAt ?? '2026-01-01T01:00:00.000Z', progress };
    },
    packingReport: async (input) => {
      record('packingReport', input);
      const processed = data.batches[0]?.processed ?? '';
      return data.orders.map((o) => ({ processed, invoice: o.invoice, awb: o.awb, courier: o.courierName, recipient: o.customer.name, packedAt: data.packed.get(o.orderId ?? o.invoice) ?? null }));
    },
    getPickList: async (input) => (record('getPickList', input), summarisePickList(input.processed.map((processed) => ({ processed, orders: data.orders })))),
    renderPickList: async (input) => (record('renderPickList', input), { pdfBase64: Buffer.from('%PDF-1.7 fake').toString('base64') }),
    printBatch: async (input) => (record('printBatch', input), startJob(input.processed, 'print', input.printerId)),
    reprintBatch: async (input) => (record('reprintBatch', input), startJob(input.processed, 'reprint', input.printerId)),
    reprintLabels: async (input) => {
      record('reprintLabels', input);
      const source = data.jobs.find((j) => j.id === input.jobId);
      if (!source) throw new Error(`no job ${input.jobId}`);
      const job = sampleJob({ ...source, id: `job-${nextJob++}`, kind: 'reprint-labels', targetPrintStatus: null, totalLabels: input.indexes.length });
      data.jobs.unshift(job);
      return job;
    },
    printOrders: async (input) => {
      record('printOrders', input);
      if (!data.batches.some((b) => b.processed === input.processed)) throw Object.assign(new Error(`no batch processed at ${input.processed}`), { name: 'BatchNotFoundError' });
      const job = sampleJob({ id: `job-${nextJob++}`, processed: input.processed, kind: 'orders', printerId: input.printerId ?? 'p-1', totalLabels: input.orderIds.length, targetPrintStatus: null });
      data.jobs.unshift(job);
      return job;
    },
    moveJob: async (input) => {
      record('moveJob', input);
      const job = data.jobs.find((j) => j.id === input.jobId);
      if (!job) throw new Error(`no job ${input.jobId}`);
      const from = printers.find((p) => p.id === job.printerId);
      const to = printers.find((p) => p.id === input.printerId);
      if (!to) throw new OperatorError(operatorMessage('job-move-unknown-printer', { printer: input.printerId }), `no printer ${input.printerId}`);
      if (job.state !== 'waiting' && job.state !== 'failed') throw new OperatorError(operatorMessage('job-move-wrong-state', { state: job.state }), `job ${job.id} is ${job.state}`);
      if (from && from.template !== to.template) throw new OperatorError(operatorMessage('job-move-other-template', { printer: to.name, template: to.template, jobTemplate: from.template }), `${to.name} prints ${to.template}`);
      Object.assign(job, { printerId: to.id, printerName: to.name });
      return updateJob(job.id, 'queued');
    },
    cancelJob: async (input) => (record('cancelJob', input), updateJob(input.jobId, 'cancelled')),
    retryJob: async (input) => (record('retryJob', input), updateJob(input.jobId, 'queued')),
    printReceivedOrders: async (input) => (record('printReceivedOrders', input), updateJob(input.jobId, 'claimed')),
    printOwnLabels: async (input) => (record('printOwnLabels', input), updateJob(input.jobId, 'queued')),
    listJobs: async (input) => (record('listJobs', input), data.jobs.filter((j) => !input.state || j.state === input.state)),
    getJob: async (input) => {
      record('getJob', input);
      const job = data.jobs.find((j) => j.id === input.jobId);
      if (!job) throw new Error(`no job ${input.jobId}`);
      const labels = data.orders.slice(0, job.totalLabels).map((o, i) => ({
        index: i + 1,
        batchIndex: i + 1,
        orderId: o.orderId,
        invoice: o.invoice,
        awb: o.awb,
        recipient: o.customer.name,
        state: i < job.confirmedLabels ? ('confirmed' as const) : ('pending' as const),
        possibleDuplicate: false,
        ...(o.labelImage ? { labelSource: job.state === 'failed' ? ('supplied-missing' as const) : ('supplied' as const) } : {}),
      }));
      return { job, labels, events: [] };
    },
    listEvents: async (input) => {
      record('listEvents', input);
      const q = input.q?.trim();
      return data.events.filter((e) => (!q || e.kind.includes(q) || e.message.includes(q) || (e.processed ?? '').includes(q)) && (!input.level || e.level === input.level));
    },
    getSettings: async (input) => (record('getSettings', input), data.settings),
    updateSettings: async (input) => {
      record('updateSettings', input);
      const { token, ...rest } = input;
      data.settings = { ...data.settings, ...rest, hasToken: data.settings.hasToken || Boolean(token) };
      return data.settings;
    },
    testConnection: async (input) => (record('testConnection', input), data.connectionTest),
    connectServer: async (input) => {
      record('connectServer', input);
      if (data.connectionTest.ok) {
        data.settings = { ...data.settings, apiBaseUrl: input.apiBaseUrl, userId: input.userId, hasToken: true, printers: [], defaultPrinterId: null };
        data.state = { ...data.state, demo: false };
        fake.emit('state', data.state);
      }
      return { test: data.connectionTest, settings: data.settings };
    },
    disconnectServer: async (input) => {
      record('disconnectServer', input);
      data.settings = { ...data.settings, apiBaseUrl: '', userId: '', hasToken: false };
      data.state = { ...data.state, demo: true };
      fake.emit('state', data.state);
      return data.settings;
    },
    setAutoPrint: async (input) => {
      record('setAutoPrint', input);
      // As the core: switching on without a cutoff starts after now; switching off keeps the cutoff.
      const current = data.state.autoPrint;
      const cutoff = input.cutoff ?? (input.enabled && !current.enabled ? '2026-01-01 07:00:00' : current.cutoff);
      const since = !input.enabled ? null : current.enabled ? (current.since ?? null) : new Date().toISOString();
      data.state = { ...data.state, autoPrint: { enabled: input.enabled, cutoff, since } };
      return data.state;
    },
    listPrinters: async (input) => (record('listPrinters', input), printers.map((p) => ({ ...p, status: { state: 'ready' as const, message: '' } }))),
    discoverPrinters: async (input) => (record('discoverPrinters', input), [{ uri: 'system:LabelPrinter', name: 'LabelPrinter', kind: 'system' as const, status: { state: 'ready' as const, message: '' } }]),
    savePrinter: async (input) => {
      record('savePrinter', input);
      const saved = samplePrinter({ ...input, id: input.id ?? `p-${printers.length + 1}` });
      const at = printers.findIndex((p) => p.id === saved.id);
      if (at >= 0) printers[at] = saved;
      else printers.push(saved);
      return saved;
    },
    removePrinter: async (input) => {
      record('removePrinter', input);
      const at = printers.findIndex((p) => p.id === input.id);
      if (at >= 0) printers.splice(at, 1);
      return { removed: at >= 0 };
    },
    printTestPage: async (input) => (record('printTestPage', input), { printed: true }),
    calibratePrinter: async (input) => (record('calibratePrinter', input), { calibrated: true }),
    createRawQueue: async (input) => (
      record('createRawQueue', input),
      { queue: input.name, uri: `${input.language}+system:${input.name}`, message: `Created the raw CUPS queue ${input.name} for ${input.deviceUri}` }
    ),
    previewLabel: async (input) => (record('previewLabel', input), { pngBase64: 'iVBORw0KGgo=', widthPx: 800, heightPx: 1200 }),
    previewLabelFile: async (input) => (record('previewLabelFile', input), [1, 2].map((n) => ({ name: `${input.fileName} #${n}`, pngBase64: 'iVBORw0KGgo=', widthPx: 800, heightPx: 1200 }))),
    printLabelFile: async (input) => {
      record('printLabelFile', input);
      const job = sampleJob({ id: `job-${nextJob++}`, processed: '2026-01-01 08:00:00', kind: 'label-file', printerId: input.printerId ?? 'p-1', totalLabels: 2, targetPrintStatus: null });
      data.jobs.unshift(job);
      return job;
    },
    getSummary: async (input) => (record('getSummary', input), { NEW: 4, PROCESSED: 5, SENT: 6, DRAFT: 1 }),
    listOrders: async (input) => {
      record('listOrders', input);
      const matches = data.orders.filter((o) => (!input.q || o.invoice.includes(input.q)) && (!input.status || o.status === input.status));
      return { orders: matches.slice(input.offset ?? 0, (input.offset ?? 0) + (input.limit ?? 50)), total: matches.length };
    },
    getOrderDetails: async (input) => {
      record('getOrderDetails', input);
      const o = data.orders.find((x) => x.orderId === input.id);
      if (!o) throw Object.assign(new Error(`order ${input.id} not found`), { name: 'ApiNotFoundError' });
      return {
        id: input.id, invoice: o.invoice, awb: o.awb, status: o.status, printStatus: 1, courierName: o.courierName, shopName: o.shopName,
        customerName: o.customer.name, customerAddress: o.customer.address, senderName: o.sender.name, shippingCost: o.shippingCost,
        adminNote: o.adminNote, customerNote: o.customerNote, created: o.createdAt, updated: null, processed: o.processedAt, sent: null,
        products: o.items.map((i) => ({ productId: i.productId, productName: i.productName, productPrice: i.productPrice, qty: i.qty })), firstState: null,
      };
    },
    listAlerts: async (input) => (record('listAlerts', input), data.alerts),
    dismissAlert: async (input) => {
      record('dismissAlert', input);
      const before = data.alerts.length;
      data.alerts = data.alerts.filter((a) => a.id !== input.id);
      return { dismissed: data.alerts.length < before };
    },
  };
  return fake;
}
