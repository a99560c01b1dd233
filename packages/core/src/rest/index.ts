// The REST client: auth, sessions, ICE configuration. (Filled in by the REST client work.)
export {};
