// Carries the SDK's requests to the embedded engine in the same process, without a socket. The SDK
// builds each request (path, JSON body, headers, retries, error classes) and then only calls the
// "axios instance" it was given as a function: `instance(config) → { status, data, headers }`. This
// transport is such a function, handing the request to the engine's own routes and their replies, so
// the app behaves exactly as over HTTP; only the loopback hop (and axios's per-request config merging,
// which cost as much as the check it carried) is gone.
import { AxiosError, AxiosHeaders, type AxiosInstance, type AxiosResponse, type InternalAxiosRequestConfig } from 'axios';
import type { InProcessDispatch } from '../fga-engine/index.js';

/** What the SDK hands its instance (axios request config, as far as the SDK fills it). */
interface SdkRequest {
  method?: string;
  /** Absolute: the SDK prefixes its apiUrl. */
  url: string;
  data?: unknown;
  headers?: Record<string, string>;
}

/** `http://host:port/stores/…?x=1` → `/stores/…?x=1` (the apiUrl may carry no path of its own). */
function pathOf(url: string): string {
  const scheme = url.indexOf('://');
  const slash = url.indexOf('/', scheme < 0 ? 0 : scheme + 3);
  return slash < 0 ? '/' : url.slice(slash);
}

export function inProcessTransport(dispatch: InProcessDispatch): AxiosInstance {
  const send = async (config: SdkRequest): Promise<AxiosResponse> => {
    const reply = await dispatch({
      method: config.method ?? 'get',
      path: pathOf(config.url),
      body: typeof config.data === 'string' ? config.data : config.data === undefined ? undefined : JSON.stringify(config.data),
    });
    const response: AxiosResponse = {
      data: reply.body === '' ? undefined : JSON.parse(reply.body),
      status: reply.status,
      statusText: '',
      headers: reply.headers,
      config: config as InternalAxiosRequestConfig,
      request: {},
    };
    if (reply.status >= 200 && reply.status < 300) return response;
    // As axios rejects a status outside 2xx: the SDK turns an AxiosError into its own error classes (and retries 429/5xx).
    response.headers = AxiosHeaders.from(reply.headers);
    const code = reply.status >= 500 ? AxiosError.ERR_BAD_RESPONSE : AxiosError.ERR_BAD_REQUEST;
    throw new AxiosError(`Request failed with status code ${reply.status}`, code, response.config, response.request, response);
  };
  // The SDK also calls `.request(config)` in some paths; both are the same function.
  return Object.assign(send, { request: send }) as unknown as AxiosInstance;
}
