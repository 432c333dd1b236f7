using BenchmarkDotNet.Running;

// Each feature adds its benchmark classes to this assembly; pick them with --filter, for example
// dotnet run -c Release --project benchmarks/Multiverse.Sdk.Benchmarks -- --filter '*Documents*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
