using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using TreatyWatch.Ingest.Cleaning;
using TreatyWatch.Ingest.Events;
using TreatyWatch.Ingest.Mentions;
using TreatyWatch.IngestThroughput;

// Clean + extract throughput on a generated corpus (docs/benchmarks.md, "Ingest throughput"):
//
//   dotnet build -c Release benchmarks/TreatyWatch.IngestThroughput
//   B=benchmarks/TreatyWatch.IngestThroughput/bin/Release/net10.0/TreatyWatch.IngestThroughput.dll
//   dotnet $B generate /tmp/tw-100k --count 100000          # once: 100,000 pages of ~5 KB, seed 1
//   /usr/bin/time -f '%M KB max RSS' dotnet $B run /tmp/tw-100k               # one thread
//   /usr/bin/time -f '%M KB max RSS' dotnet $B run /tmp/tw-100k --threads 2   # two threads
//   dotnet $B run /tmp/tw-100k --limit 13000 --stages                         # where the time goes (after 3,000 pages of warm-up)
//   dotnet $B run <dir> --limit N --dump out.txt    # cleaned text and events of each page, to compare two builds
//
// Pages are read one at a time from disk (streamed), decoded, cleaned (ArticleCleaner) and extracted
// (EventExtractor, with the page's own publication date). Nothing is kept between pages.
return args.Length > 0 && args[0] == "generate" ? Commands.Generate(args[1..])
    : args.Length > 0 && args[0] == "run" ? Commands.Run(args[1..])
    : Commands.Usage();

internal static class Commands
{
    public static int Usage()
    {
        Console.Error.WriteLine("usage: generate <dir> [--count N] [--seed S] | run <dir> [--threads T] [--limit N] [--stages [--warmup N]] [--dump file] [--data dir]");
        return 2;
    }

    public static int Generate(string[] args)
    {
        if (args.Length == 0) return Usage();
        var dir = args[0];
        int count = Option(args, "--count", 100_000), seed = Option(args, "--seed", 1);
        var sw = Stopwatch.StartNew();
        long bytes = 0;
        var utf8 = new UTF8Encoding(false);
        for (int i = 0; i < count; i++)
        {
            var sub = Path.Combine(dir, (i / 1000).ToString("D3", CultureInfo.InvariantCulture));
            if (i % 1000 == 0) Directory.CreateDirectory(sub);
            var page = PageGenerator.Page(seed, i);
            var data = utf8.GetBytes(page);
            bytes += data.Length;
            File.WriteAllBytes(Path.Combine(sub, i.ToString("D6", CultureInfo.InvariantCulture) + ".html"), data);
        }
        Console.WriteLine($"{count:N0} pages, {bytes / (double)count:N0} bytes a page on average, {bytes / 1e6:N1} MB, written to {dir} in {sw.Elapsed.TotalSeconds:N1} s");
        return 0;
    }

    public static int Run(string[] args)
    {
        if (args.Length == 0) return Usage();
        var dir = args[0];
        int threads = Option(args, "--threads", 1), limit = Option(args, "--limit", int.MaxValue);
        bool stages = args.Contains("--stages");
        string? dump = StringOption(args, "--dump");
        var data = StringOption(args, "--data") ?? Path.Combine(FindRoot(), "data");
        var extractor = new EventExtractor(GazetteerLoader.Load(data));
        var files = Files(dir).Take(limit);

        if (dump is not null) return Dump(files, extractor, dump);
        if (stages) return Stages(files, extractor, Option(args, "--warmup", 3000));

        Console.WriteLine($"clean + extract, {threads} thread(s), {Environment.ProcessorCount} logical processors, .NET {Environment.Version}, GC {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}");
        long done = 0, events = 0, inputChars = 0, busyTicks = 0;
        var wall = Stopwatch.StartNew();
        long lastReportAt = 0;
        var lastReport = wall.Elapsed;
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        self.Refresh();
        var cpuStart = self.TotalProcessorTime;
        var lastCpu = cpuStart;
        long allocStart = GC.GetTotalAllocatedBytes(precise: false);
        var gate = new object();
        void Process(string path)
        {
            long t0 = Stopwatch.GetTimestamp();
            var html = ArticleReader.ReadText(path);
            var cleaned = ArticleCleaner.Clean(html, path);
            var extraction = extractor.Extract(cleaned.Text, Path.GetFileName(path), cleaned.Published);
            long t1 = Stopwatch.GetTimestamp();
            Interlocked.Add(ref busyTicks, t1 - t0);
            Interlocked.Add(ref events, extraction.Events.Count);
            Interlocked.Add(ref inputChars, html.Length);
            var n = Interlocked.Increment(ref done);
            if (n % 10_000 == 0)
            {
                lock (gate)
                {
                    var now = wall.Elapsed;
                    var rate = (n - lastReportAt) / (now - lastReport).TotalSeconds;
                    self.Refresh();
                    var cpu = self.TotalProcessorTime;
                    var cpuRate = (n - lastReportAt) / (cpu - lastCpu).TotalSeconds;
                    Console.WriteLine($"  {n,9:N0} articles  {rate,7:N0} articles/s wall  {cpuRate,7:N0} articles per CPU-second (last 10,000)  working set {Environment.WorkingSet / 1048576.0,6:N1} MB  managed heap {GC.GetTotalMemory(false) / 1048576.0,6:N1} MB");
                    lastReportAt = n;
                    lastReport = now;
                    lastCpu = cpu;
                }
            }
        }
        if (threads <= 1)
        {
            foreach (var f in files) Process(f);
        }
        else
        {
            Parallel.ForEach(Partitioner.Create(files, EnumerablePartitionerOptions.NoBuffering),
                new ParallelOptions { MaxDegreeOfParallelism = threads }, Process);
        }
        wall.Stop();
        var seconds = wall.Elapsed.TotalSeconds;
        Console.WriteLine($"{done:N0} articles ({inputChars / (double)Math.Max(1, done):N0} characters a page on average), {events:N0} events, {seconds:N1} s wall");
        Console.WriteLine($"throughput: {done / seconds:N0} articles/s, {done / seconds / threads:N0} articles/s per core (wall time / {threads} thread(s))");
        Console.WriteLine($"busy time per article: {(double)busyTicks / Stopwatch.Frequency * 1e6 / Math.Max(1, done):N1} µs (read + decode + clean + extract)");
        self.Refresh();
        var cpuSeconds = (self.TotalProcessorTime - cpuStart).TotalSeconds;
        Console.WriteLine($"CPU time (all threads of the process, GC and JIT included): {cpuSeconds:N1} s = {done / cpuSeconds:N0} articles per CPU-second");
        Console.WriteLine($"allocated: {(GC.GetTotalAllocatedBytes(precise: false) - allocStart) / (double)Math.Max(1, done) / 1024:N0} KB per article");
        Console.WriteLine($"peak working set {self.PeakWorkingSet64 / 1048576.0:N1} MB; GC collections gen0/1/2: {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}");
        return 0;
    }

    /// <summary>
    /// Times each stage separately, in the thread's own CPU time (clock_gettime(CLOCK_THREAD_CPUTIME_ID)), so that
    /// other processes on a shared machine count less; the GC's own threads are not in these figures.
    /// The extraction stages run once more on their own, outside Extract.
    /// </summary>
    private static int Stages(IEnumerable<string> files, EventExtractor extractor, int warmup)
    {
        string[] names = ["read + decode", "HTML parse (AngleSharp)", "metadata (head, JSON-LD)", "body: boilerplate + text", "language guess",
            "extract (whole)", "  of which tokens", "  of which sentences", "  of which mentions", "  of which cues", "  of which dates"];
        var ticks = new long[names.Length];
        var bytes = new long[names.Length];
        var gazetteer = GazetteerLoader.Load(Path.Combine(FindRoot(), "data"));
        int n = 0;
        foreach (var path in files)
        {
            long t = ThreadCpu.Now();
            long a = GC.GetAllocatedBytesForCurrentThread();
            void Lap(int i)
            {
                long now = ThreadCpu.Now(), allocated = GC.GetAllocatedBytesForCurrentThread();
                ticks[i] += now - t;
                bytes[i] += allocated - a;
                t = now;
                a = allocated;
            }
            var html = ArticleReader.ReadText(path);
            Lap(0);
            var parts = ArticleCleaner.CleanHtmlInStages(html, Lap);
            var text = parts.Text;
            t = ThreadCpu.Now();
            a = GC.GetAllocatedBytesForCurrentThread();
            extractor.Extract(text, "a.html", parts.Published);
            Lap(5);
            var tokens = new TokenizedText(text);
            Lap(6);
            SentenceSplitter.Split(text);
            Lap(7);
            MentionFinder.Find(gazetteer, tokens);
            Lap(8);
            CueLexicon.Find(tokens);
            Lap(9);
            DateFinder.Find(tokens);
            Lap(10);
            n++;
            if (n == warmup)
            {
                // the first pages run while the JIT tiers up: leave them out of the figures
                Array.Clear(ticks);
                Array.Clear(bytes);
                n = 0;
                warmup = -1;
            }
        }
        Console.WriteLine($"{n:N0} articles after {(warmup < 0 ? "a warm-up" : "no warm-up")}, one thread; mean CPU time of the thread (not wall time; a gen0 GC counts in the stage that triggers it) per article by stage:");
        double total = 0, totalKb = 0;
        for (int i = 0; i < names.Length; i++)
        {
            double us = ticks[i] / 1e3 / Math.Max(1, n);
            double kb = bytes[i] / 1024.0 / Math.Max(1, n);
            if (i <= 5) { total += us; totalKb += kb; }
            Console.WriteLine($"  {names[i],-28} {us,9:N1} µs {kb,8:N1} KB allocated");
        }
        Console.WriteLine($"  {"total (read → extract)",-28} {total,9:N1} µs {totalKb,8:N1} KB allocated ≈ {1e6 / total:N0} articles/s");
        return 0;
    }

    private static int Dump(IEnumerable<string> files, EventExtractor extractor, string output)
    {
        using var w = new StreamWriter(output, false, new UTF8Encoding(false));
        int n = 0;
        foreach (var path in files)
        {
            var raw = ArticleReader.ReadText(path);
            var cleaned = ArticleCleaner.Clean(raw, path);
            var name = Path.GetFileName(path);
            w.Write("### "); w.WriteLine(name);
            w.WriteLine($"title: {cleaned.Title}\nbyline: {cleaned.Byline}\npublished: {cleaned.Published} ({cleaned.PublishedRaw})\nlanguage: {cleaned.Language}\nsegments: {cleaned.Segments.Count}");
            w.WriteLine(cleaned.Text);
            w.WriteLine(ExtractionJson.Serialize(extractor.Extract(cleaned.Text, name, cleaned.Published)));
            if (!ArticleCleaner.IsHtml(raw, path)) w.WriteLine(ExtractionJson.Serialize(extractor.Extract(raw, name)));
            n++;
        }
        Console.WriteLine($"{n:N0} articles dumped to {output}");
        return 0;
    }

    /// <summary>The files under <paramref name="dir"/> in ordinal order, folder by folder: no full listing is held.</summary>
    private static IEnumerable<string> Files(string dir)
    {
        if (File.Exists(dir)) { yield return dir; yield break; }
        foreach (var f in Directory.GetFiles(dir).Order(StringComparer.Ordinal)) yield return f;
        foreach (var sub in Directory.GetDirectories(dir).Order(StringComparer.Ordinal))
            foreach (var f in Files(sub)) yield return f;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var s = StringOption(args, name);
        return s is null ? fallback : int.Parse(s, CultureInfo.InvariantCulture);
    }

    private static string? StringOption(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string FindRoot()
    {
        var d = new DirectoryInfo(AppContext.BaseDirectory);
        while (d is not null && !File.Exists(Path.Combine(d.FullName, "TreatyWatch.slnx"))) d = d.Parent;
        return d?.FullName ?? throw new InvalidOperationException("TreatyWatch.slnx not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>The calling thread's CPU time in nanoseconds (Linux).</summary>
internal static partial class ThreadCpu
{
    private const int ClockThreadCpuTimeId = 3;

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out Timespec time);

    public static long Now() => ClockGetTime(ClockThreadCpuTimeId, out var t) == 0 ? t.Seconds * 1_000_000_000 + t.Nanoseconds : 0;
}
