// Carries the SDK's requests to the embedded engine in the same process, without a socket: an axios
// adapter in place of axios's HTTP one. Everything above it is the unchanged @openfga/sdk (request
// building, retries, error classes), everything below it the engine's own HTTP routes and replies, so
// the app behaves exactly as over HTTP; only the loopback hop is gone.
import axios, { AxiosError, AxiosHeaders, type AxiosAdapter, type AxiosInstance, type AxiosResponse } from 'axios';
import type { InProcessDispatch } from '../fga-engine/index.js';

export function inProcessAxios(dispatch: InProcessDispatch): AxiosInstance {
  const adapter: AxiosAdapter = async (config) => {
    const url = new URL(axios.getUri(config));
    const reply = await dispatch({
      method: config.method ?? 'get',
      path: url.pathname + url.search,
      body: typeof config.data === 'string' ? config.data : config.data === undefined ? undefined : JSON.stringify(config.data),
    });
    const response: AxiosResponse = {
      data: reply.body,
      status: reply.status,
      statusText: '',
      headers: AxiosHeaders.from(reply.headers),
      config,
      request: {},
    };
    // As axios's own settle(): a status the config does not accept rejects with an AxiosError.
    if (!config.validateStatus || config.validateStatus(reply.status)) return response;
    const code = reply.status >= 500 ? AxiosError.ERR_BAD_RESPONSE : AxiosError.ERR_BAD_REQUEST;
    throw new AxiosError(`Request failed with status code ${reply.status}`, code, config, response.request, response);
  };
  return axios.create({ adapter });
}
