using BenchmarkDotNet.Running;

// Every [Benchmark] class in this assembly is discovered: `dotnet run -c Release --project bench/Precis.Bench -- --filter '*Tokenizer*'`.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
