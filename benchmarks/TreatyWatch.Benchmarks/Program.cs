using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/TreatyWatch.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
