// autocannon ships no types and @types/autocannon is not a dependency: the little the benches use.
declare module 'autocannon' {
  interface Histogram { average: number; mean: number; p50: number; p99: number; max: number; total: number }
  export interface AutocannonRequest { method?: string; path?: string; headers?: Record<string, string>; body?: string; setupRequest?: (req: AutocannonRequest, context: Record<string, unknown>) => AutocannonRequest; onResponse?: (status: number, body: string, context: Record<string, unknown>) => void }
  export interface AutocannonResult { latency: Histogram; requests: Histogram; duration: number; errors: number; timeouts: number; non2xx: number; '2xx': number }
  export interface AutocannonOptions { url: string; connections?: number; duration?: number; amount?: number; headers?: Record<string, string>; requests?: AutocannonRequest[]; initialContext?: Record<string, unknown>; pipelining?: number; timeout?: number }
  function autocannon(opts: AutocannonOptions): Promise<AutocannonResult>;
  export default autocannon;
}
