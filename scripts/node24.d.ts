export declare const ROOT: string
export declare const PACKAGED_NODE24: string
export declare const NODE_MAJOR: number
export declare function locateNode24(
  env?: NodeJS.ProcessEnv,
  packaged?: string
): { path: string; error?: undefined } | { path?: undefined; error: string }
export declare function node24(env?: NodeJS.ProcessEnv): string
