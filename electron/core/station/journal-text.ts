import { messageParamsSchema, operatorMessage, type OperatorMessage } from '../../shared/operator-message.ts';

/** An operator message as the journal stores it: three columns beside the English text. */
export interface StoredText {
  code: string | null;
  params: string | null;
  detail: string | null;
}

export function storeText(text: OperatorMessage): [code: string, params: string, detail: string | null] {
  return [text.code, JSON.stringify(text.params), text.detail];
}

/** Reads the columns back; a row from before codes (or with unreadable params) keeps its English as the detail. */
export function readText(row: StoredText, english: string): OperatorMessage {
  if (row.code === null) return operatorMessage('legacy-text', {}, english);
  let params: unknown = {};
  try {
    params = JSON.parse(row.params ?? '{}');
  } catch {
    return operatorMessage('legacy-text', {}, english);
  }
  const parsed = messageParamsSchema.safeParse(params);
  if (!parsed.success) return operatorMessage('legacy-text', {}, english);
  return { code: row.code, params: parsed.data, detail: row.detail };
}
