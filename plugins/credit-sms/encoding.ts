// The GSM 03.38 default alphabet and its extension table: a body made only of these goes as
// TEXT (GSM-7), anything else as UNICODE (UCS-2), which the gateway needs to be told.

const BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const EXTENSION = '^{}\\[~]|€\f';
const GSM7 = new Set([...BASIC, ...EXTENSION]);

/** The gateway's `encoding` for a body: TEXT when every character is in GSM-7, else UNICODE. */
export function gatewayEncoding(body: string): 'TEXT' | 'UNICODE' {
  for (const ch of body) if (!GSM7.has(ch)) return 'UNICODE';
  return 'TEXT';
}
