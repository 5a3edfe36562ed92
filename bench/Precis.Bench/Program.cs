using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

// Every [Benchmark] class in this assembly is discovered: `dotnet run -c Release --project bench/Precis.Bench -- --filter '*Tokenizer*'`.
// BenchmarkDotNet builds a copy of this project for each run; on the shared 2-core machine that build has taken
// more than its default 2-minute limit, so the limit is raised.
var config = ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(10));
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
