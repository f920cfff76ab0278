export interface ElectronSetupPlan {
  electronVersion: string;
  abi: string;
  bindingPath: string;
  downloadBinary: boolean;
  buildBinding: boolean;
}

export function electronSetupPlan(input: {
  root: string;
  electronVersion: string;
  abi: (version: string) => string;
  exists: (path: string) => boolean;
  binaryPresent: () => boolean;
}): ElectronSetupPlan;
