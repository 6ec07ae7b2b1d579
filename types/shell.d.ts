// Types of the extension shell for `tsc --noEmit` (checkJs): its globals and the plain records
// it keeps and passes to the core. The core's values are described by docs/core-api.md; only
// the fields the shell itself reads are typed here, the rest is open.

/** Parameters of a message from _locales (format.js fills `{name}` placeholders with them). */
type GdParams = Record<string, unknown>;

/** An action of the view, an advice step or a button: `type` is the core's word. */
interface GdAction {
  type: string;
  url?: string;
  id?: string;
  text?: string;
  /** The button's words, a message name (the core's; absent on the shell's own buttons). */
  label?: string;
  /** open-url: where it goes, the label's parameter. */
  where?: string;
  /** disable-extension: the page loads again once the extension is off. */
  retry?: boolean;
  /** The optional permission it needs, asked for at the click on our own pages. */
  permission?: chrome.runtime.ManifestPermission;
  [field: string]: unknown;
}

/** What an action answers: shown in the panel's status line. */
interface GdResult {
  ok: boolean;
  messageKey?: string;
  params?: GdParams;
  /** the retry and watch lines changed: the background adds `view` */
  redraw?: boolean;
  /** a watch started: the background adds the view's `watchStarted` message */
  started?: boolean;
  view?: GdView | null;
  needsPermission?: string;
  refresh?: boolean;
  [field: string]: unknown;
}

/** A step of the advice or the view. */
interface GdStep {
  id: string;
  key?: string;
  params?: GdParams;
  action?: GdAction;
  ask?: string;
  /** The permission `ask` asks for. */
  askPermission?: chrome.runtime.ManifestPermission;
  [field: string]: unknown;
}

/** The core's diagnosis (docs/core-api.md, diagnose). */
interface GdDiagnosis {
  failed: boolean;
  url: string;
  method: string;
  cause: string;
  culprit: string;
  statusCode?: number;
  statusText?: string;
  error?: string;
  host?: string;
  safeToRetry?: boolean;
  confidence?: number;
  evidence?: string[];
  gateway?: { name: string; version?: string; role: string; evidence?: string[] } | null;
  /** The toolbar badge: the status code, or "ERR". */
  badge: string;
  /** A site the person asked to leave alone: nothing diagnosed. */
  ignored?: boolean;
  [field: string]: unknown;
}

/** The core's advice (advise). */
interface GdAdvice {
  summary?: { key: string; params?: GdParams };
  steps?: GdStep[];
  [field: string]: unknown;
}

/** What webRequest reported, as diagnose takes it. */
interface GdFailure {
  url: string;
  method: string;
  statusCode?: number;
  statusLine?: string;
  error?: string;
  responseHeaders?: { name: string; value?: string }[];
  proxy?: { type: string; host?: string; port?: number };
  /** where the browser tried to connect, when it says (a DNS filter's 0.0.0.0) */
  ip?: string;
  bodyText?: string;
  pageText?: string;
  timeStamp: number;
}

/** The background's record of a failing tab. */
interface GdRecord {
  url: string;
  kind: 'response' | 'error';
  /** when the browser reported the failure (ms since the epoch) */
  at: number;
  /** the browser's id of the request that failed (webRequest's requestId) */
  requestId?: string;
  failure: GdFailure;
  diagnosis?: GdDiagnosis;
  advice?: GdAdvice;
  attempts?: number;
  wentBack?: boolean;
  onOurPage?: boolean;
  leftAt?: number;
  retrying?: boolean;
  shown?: boolean;
  injected?: boolean;
}

/** The retry and watch machine's state (src/machine.rs, "machine" in session storage): the
 * shell passes it back as it came and reads only which tabs it speaks of, and whether tabs wait
 * for the connection. */
interface GdMachine {
  involved?: number[];
  net?: object;
  [field: string]: unknown;
}

/** A tab's retry and watch as the core's `view` takes them (the machine's answer to retry-of). */
interface GdRetryState {
  state?: string;
  reason?: string;
  due?: number;
  attempts?: number;
  max?: number;
  now: number;
  /** the site's watch holds the tab: whether a notification was asked for */
  watching?: boolean;
  /** the person's notifications setting */
  notifications?: boolean;
}

type GdMessage = { key: string; params: GdParams };

/** The core's panel (src/view.rs). */
interface GdPanel {
  headline?: GdMessage;
  primary: GdAction[];
  steps: GdStep[];
  more: GdStep[];
  status?: GdMessage;
  retry?: GdMessage;
  retryKind?: 'countdown' | 'resubmit' | 'auto-off';
  watch?: GdMessage;
  watchStarted?: GdMessage;
  offerWatch?: boolean;
  facts?: GdMessage[];
  chain?: GdChainNode[];
  references?: { label: string; value: string }[];
  report?: string;
  [field: string]: unknown;
}

/** One part of the way from the person to the site's server (src/view.rs ChainNode). */
interface GdChainNode {
  id: string;
  key: string;
  name?: string;
  state: string;
}

/** What the background gives the panel and the extension's pages to paint. */
interface GdView {
  url: string;
  kind?: string;
  diagnosis: GdDiagnosis;
  advice?: GdAdvice;
  panel?: GdPanel | null;
  disabledByUs?: { id: string; name: string; at?: number }[];
  responseAt?: number;
  /** the background's clock when it made the view */
  now?: number;
}

/** How the renderer is asked to draw (render.js). */
interface GdRenderOptions {
  close?: () => void;
  minimise?: () => void;
  restore?: () => void;
  move?: () => void;
  compact?: boolean;
  noPermissions?: boolean;
  message?: GdResult;
  ask?: string;
  askKey?: string;
  askParams?: GdParams;
}

/** A click handler of the panel: resolves to what the status line says. */
type GdOnAction = (action: GdAction, step?: GdStep | null) => Promise<GdResult | undefined | null | void>;

/** The person's settings (settings.js; maxAttempts null: the core's most). */
interface GdSettings {
  autoRetry: boolean;
  maxAttempts: number | null;
  notifications: boolean;
  panel: boolean;
  ignoredSites: string[];
}

/** An extension this extension turned off (actions.js), to offer turning it back on. */
interface GdDisabledExtension {
  id: string;
  name: string;
  at: number;
}

/** Who sent a message, as trust.js reads it. */
interface GdSender {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

/** One site being watched, for the popup. */
interface GdWatchListItem {
  origin: string;
  host: string;
  tabs: number;
}

// The shell's globals: classic scripts share what they define through these.
declare var GatewayDoctorFormat: {
  msg(key: string, params?: GdParams): string;
  clip(s: unknown, n?: number): string;
};
declare var GatewayDoctorRender: {
  render(container: Element, view: GdView, onAction: GdOnAction, options?: GdRenderOptions): HTMLElement;
  renderWatches(container: Element, watches: GdWatchListItem[], onCancel: (origin: string) => void): void;
};
/** The panel's styles (panel.css), written into the injected panel script by the build. */
declare const GatewayDoctorCSS: string;
/** The message names (constants.js's MSG), written into the injected panel script by the build. */
declare const GatewayDoctorMessages: typeof import('../extension/constants.js').MSG;
/** url.js's sameUrl and constants.js's SAME_RESPONSE_MS, written into the injected panel script by the build. */
declare const GatewayDoctorSameUrl: typeof import('../extension/url.js').sameUrl;
declare const GatewayDoctorSameResponseMs: number;
/** The injected panel's flags and hand-over of the view (content.js, panel-script.js). */
declare var __gatewayDoctorPanel: boolean | undefined;
declare var __gatewayDoctorOffered: GdView | null | undefined;
declare var __gatewayDoctorOffer: ((view: GdView) => void) | undefined;

/** What samples.js reads of a healthy main-frame response's webRequest details. */
interface GdResponseDetails {
  responseHeaders?: { name: string; value?: string }[];
  timeStamp: number;
  ip?: string;
}
