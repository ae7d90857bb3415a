// A webview's handle on VS Code, typed per view: messages out, persisted state in and out. VS Code
// allows `acquireVsCodeApi` once per webview, so each view's bundle calls this exactly once.
interface VsCodeApi<Out, State> {
  postMessage(message: Out): void;
  getState(): unknown;
  setState(state: State): void;
}

declare function acquireVsCodeApi<Out, State>(): VsCodeApi<Out, State>;

export interface VsCodeHandle<Out, State> {
  post(message: Out): void;
  /** Whatever was saved last, unchecked: it may come from an older version of the view. */
  rawState(): unknown;
  saveState(state: State): void;
}

export function vscodeHandle<Out, State>(): VsCodeHandle<Out, State> {
  const api = acquireVsCodeApi<Out, State>();
  return {
    post: (message) => api.postMessage(message),
    rawState: () => api.getState(),
    saveState: (state) => api.setState(state),
  };
}
