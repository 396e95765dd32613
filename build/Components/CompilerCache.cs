using System.Text;
using Serilog;
using TvmBuild.Engine;
using TvmBuild.Tools;
using TvmBuild.Tvm;

enum CompilerCache { Auto, None, Ccache, Sccache }
