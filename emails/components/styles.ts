// Inline styles the email sections share (inline because Gmail drops most of <head>; the classes carry
// the dark-mode overrides from theme.ts).
import { theme } from '../theme';

export const h1 = { fontSize: '24px', lineHeight: '30px', margin: '4px 0 6px' };
export const h2 = { fontSize: '18px', lineHeight: '24px', margin: '24px 0 8px' };
export const h3 = { fontSize: '16px', lineHeight: '22px', margin: '16px 0 2px' };
export const body = { fontSize: '16px', lineHeight: '24px', margin: '0 0 10px' };
export const meta = { fontSize: '13px', lineHeight: '18px', color: theme.muted, margin: '0 0 8px' };
export const small = { fontSize: '13px', lineHeight: '20px', margin: '0 0 8px' };
