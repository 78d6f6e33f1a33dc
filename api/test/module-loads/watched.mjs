export const WATCHED =
  /[\\/]node_modules[\\/](@opentelemetry|@envelop[\\/]opentelemetry|@prisma[\\/]instrumentation)[\\/]/;
