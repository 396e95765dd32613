namespace TvmBuild.Tvm;

public enum ImageTableFormat { Ini, Jenkinsfile }
