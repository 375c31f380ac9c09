// The markers a rendered template holds where each reader's private links go (see
// delivery/personalise.ts), and the pattern ingest strips from incoming text so content can never carry
// one. Shared by the renderer, the personaliser and input validation; depends on nothing.

export type MarkerKey = 'unsubscribeUrl' | 'preferencesUrl' | 'greeting';
export type PersonalMarkers = Record<MarkerKey, string>;
export type PersonalValues = Record<MarkerKey, string>;

export const MARKER_KEYS: readonly MarkerKey[] = ['unsubscribeUrl', 'preferencesUrl', 'greeting'];

/**
 * Markers for one render from a random nonce (at least 128 bits, hex). Lower-case letters and digits
 * only, so they pass unchanged through HTML escaping, URL attributes and the plain-text conversion.
 */
export function markersFor(nonceHex: string): PersonalMarkers {
  if (!/^[0-9a-f]{32,}$/.test(nonceHex)) throw new Error('marker nonce must be at least 128 bits of hex');
  return {
    unsubscribeUrl: `twm${nonceHex}u`,
    preferencesUrl: `twm${nonceHex}p`,
    greeting: `twm${nonceHex}g`,
  };
}

/**
 * The fixed markers of templates rendered before markers were random. Kept only so an issue in flight
 * across an upgrade still sends; such a template is the one case where content could collide.
 */
export const LEGACY_MARKERS: PersonalMarkers = {
  unsubscribeUrl: 'TW_PLACEHOLDER_UNSUBSCRIBE_URL',
  preferencesUrl: 'TW_PLACEHOLDER_PREFERENCES_URL',
  greeting: 'TW_PLACEHOLDER_GREETING',
};

/** Anything shaped like a marker, random or legacy; ingest removes these from incoming text. */
export const MARKER_LIKE = /TW_PLACEHOLDER_[A-Z_]*|twm[0-9a-f]{32,}[upg]?/gi;
