namespace TvmBuild.Tvm;

/// <summary>Which docker/bash.sh a ref has: the argv it builds and the options it takes differ.</summary>
public enum BashShDialect { RootlessAware, Classic }
