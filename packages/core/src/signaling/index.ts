// The signaling client over @microsoft/signalr. (Filled in by the signaling client work.)
export {};
