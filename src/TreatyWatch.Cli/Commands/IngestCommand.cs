using System.CommandLine;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using TreatyWatch.Engine.Actions;
using TreatyWatch.Ingest.Across;
using TreatyWatch.Ingest.Checks;
using TreatyWatch.Ingest.Events;
using TreatyWatch.Ingest.Inputs;
using TreatyWatch.Ingest.Mentions;
using TreatyWatch.Ledger;

namespace TreatyWatch.Cli.Commands;

/// <summary>
/// <c>treatywatch ingest &lt;paths...&gt; [--db ...] [--format json]</c>: reads articles as <c>extract</c> does, and keeps each
/// one in the ledger with its events and, per event, a reported action (news, not law: it waits for review). One
/// article per transaction; an article already in the ledger (same cleaned text) is skipped before extraction.
/// </summary>
public static class IngestCommand
{
    /// <summary>A run is long enough for a progress bar after this many articles or this long.</summary>
    private const int LongRunArticles = 50;

    private static readonly TimeSpan LongRunTime = TimeSpan.FromSeconds(1);

    public static Command Create(CliContext ctx)
    {
        var paths = new Argument<string[]>("paths") { Description = "Article files (.txt, .html, .htm, .html.gz) or folders (searched recursively); - for standard input", Arity = ArgumentArity.OneOrMore };
        var by = new Option<string?>("--by") { Description = "Who records the articles (default: treatywatch ingest)" };
        var dryRun = new Option<bool>("--dry-run")
        {
            Description = "Run the whole ingest (read, extract, near copies, claim checks, clusters) and print the same summary, but store nothing: a preview",
        };
        var threads = new Option<int?>("--threads") { Description = "Threads that read, clean and extract articles (default: one per core); results stay in input order" };
        var cmd = new Command("ingest", "Read news articles into the ledger: the articles, their events, and reported actions waiting for review") { paths, by, dryRun, threads };
        cmd.SetAction(p =>
        {
            var data = p.GetValue(CliApp.Data);
            var files = Run.Expand(p.GetValue(paths)!);
            var dry = p.GetValue(dryRun);
            if (p.GetValue(threads) is < 1) throw new UserInputException("--threads must be at least 1");
            // A dry run with --db none checks the claims against the bundled files and knows no article; otherwise it reads
            // the ledger as ingest does (the articles on record, the record the claims are checked against) and writes nothing to it.
            var ledger = dry && ctx.NoLedger ? null : ctx.Ledger(data);
            var extractor = new EventExtractor(GazetteerLoader.Load(BundledData.Locate(data)));
            var json = p.GetValue(CliApp.Format) == OutputFormat.Json;
            // Claims are checked against the treaty's rules and the record as the ledger holds it now.
            var catalog = ctx.Catalog(data);
            var checker = new ClaimChecker(catalog);
            var who = p.GetValue(by) ?? "treatywatch ingest";
            var workers = p.GetValue(threads) ?? Math.Clamp(Environment.ProcessorCount, 1, 8);
            var run = new Run(ctx, ledger, extractor, checker, files, who, json, workers, dry ? catalog.States.Keys : null);
            return run.Execute();
        });
        return cmd;
    }

    /// <summary>The name and version of the extractor, kept with every event.</summary>
    internal static readonly string ExtractorName = $"treatywatch-rules/{typeof(EventExtractor).Assembly.GetName().Version?.ToString(3) ?? "0"}";

    /// <summary>The ledger's records of one article and its extraction.</summary>
    internal static (NewsArticle Article, List<NewsEvent> Events) ToLedger(string name, string text, ArticleExtraction x)
    {
        var article = new NewsArticle { Text = text, Published = x.Published, Metadata = [new("file", name)] };
        var events = x.Events.Select(e => new NewsEvent
        {
            State = e.State, Treaty = e.Treaty, Action = e.Action.Name(), Kind = NewsKinds.KindOf(e.Action), Date = e.Date,
            Votes = e.Votes is { } v && !v.IsEmpty() ? v : null, Evidence = e.Evidence, Start = e.Start, End = e.End, Extractor = ExtractorName,
        }).ToList();
        return (article, events);
    }

    private sealed record Item(string Name, NewsArticle Article, List<NewsEvent> Events);

    /// <summary>One article as a reading thread leaves it: extracted, fingerprinted for near copies and checked, or known
    /// (its content hash is on record) and left alone.</summary>
    private sealed record ReadArticle(InputArticle Input, string Hash, bool Known, ArticleExtraction? Extraction, NearDuplicateFingerprint? Fingerprint, IReadOnlyList<ClaimCheck>? Checks);

    /// <summary>What the reading threads make of one input file (a feed gives several articles); the error that stopped it, if any.</summary>
    private sealed record ReadFile(List<ReadArticle> Articles, string? Error);

    /// <summary>
    /// The ingest pipeline. Reading, cleaning, extraction, the near-copy fingerprint and the claim checks run on
    /// <c>workers</c> threads, one input file at a time each, and their results are taken in input order
    /// (<see cref="OrderedParallel{T}"/>); one thread then adds each article to the near-copy index and the event reports
    /// in that order (so verdicts, reports and summaries are the same whatever the number of threads) and hands it to the
    /// writer, this thread, which stores the articles waiting as one group (one commit; each article whole or not at all)
    /// or, for a dry run (<c>dryRunStates</c>: the
    /// states on record), builds its rows in memory and stores nothing.
    /// </summary>
    private sealed class Run(CliContext ctx, LedgerStore? ledger, EventExtractor extractor, ClaimChecker checker, List<string> files, string who, bool json, int workers,
        IEnumerable<string>? dryRunStates)
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private int _read;
        private int _new;
        private int _known;
        private int _events;
        private int _actions;
        private string? _current;
        private volatile bool _stop;
        private readonly NearDuplicateIndex _copies = new();
        private readonly List<EventReport> _reports = [];
        private readonly List<ClaimCheck> _checks = [];
        private readonly List<(string Name, string CopyOf)> _copyOf = [];
        private IReadOnlyList<EventCluster>? _clusters;

        private bool DryRun => dryRunStates is not null;

        /// <summary>On a reading thread: reads one input file and prepares each of its articles that is not on record.</summary>
        private ReadFile Read(string path, IReadOnlySet<string> known)
        {
            var articles = new List<ReadArticle>();
            try
            {
                // A feed gives several articles; a page or a text file one.
                foreach (var input in ArticleInputs.Read([path], Console.In))
                {
                    if (_stop) break;
                    var hash = NewsArticle.HashOf(input.Text);
                    // Known before extraction: nothing to do.
                    if (known.Contains(hash))
                    {
                        articles.Add(new ReadArticle(input, hash, true, null, null, null));
                        continue;
                    }

                    // A page's or feed item's own publication date dates its relative dates.
                    var x = extractor.Extract(input.Text, input.Name, input.Published);
                    articles.Add(new ReadArticle(input, hash, false, x, NearDuplicateIndex.Fingerprint(input.Text), checker.Check(input.Text, x, ctx.Today)));
                }

                return new ReadFile(articles, null);
            }
            catch (Exception e) when (e is ArticleInputException or IOException or UnauthorizedAccessException or InvalidDataException or System.Text.DecoderFallbackException)
            {
                // One unreadable file stops nothing else; the run exits 1 naming it. The articles read before the error stay.
                return new ReadFile(articles, e is ArticleInputException ? e.Message : $"{path}: {e.Message}");
            }
        }

        /// <summary>
        /// In input order: notes what the run reports across articles (a near copy of an article read earlier in the run,
        /// claims that disagree with the treaty's rules or the record, each event with its source for the clusters) and
        /// maps the article to the ledger's records.
        /// </summary>
        private Item Prepare(ReadArticle read)
        {
            var input = read.Input;
            var x = read.Extraction!;
            var copy = _copies.Add(input.Name, read.Fingerprint!);
            if (copy.CopyOf is { } of) _copyOf.Add((input.Name, of));
            var checks = read.Checks!;
            _checks.AddRange(checks);
            var outlet = NewsKinds.OutletOf(input.Url);
            _reports.AddRange(EventReport.Of(x, new ReportSource(input.Name, outlet, input.Url, x.Published, copy.Group)));

            var (article, events) = ToLedger(input.Name, input.Text, x);
            var metadata = new List<KeyValuePair<string, string>>(article.Metadata) { new("kind", input.Kind.ToString().ToLowerInvariant()) };
            if (copy.CopyOf is not null) metadata.Add(new("copy_of", copy.CopyOf));
            for (var i = 0; i < checks.Count; i++) metadata.Add(new($"check_{i + 1}", $"{checks[i].Kind.Name()}: {checks[i].Explanation}"));
            article = article with { Title = input.Title, Url = input.Url, Outlet = outlet, Metadata = metadata };
            return new Item(input.Name, article, events);
        }

        public int Execute()
        {
            var total = files.Count;
            IReadOnlySet<string> known = ledger?.ArticleHashes() ?? new HashSet<string>(StringComparer.Ordinal);
            var readFailures = new System.Collections.Concurrent.ConcurrentQueue<string>();
            // The writer takes what waits, gathering up to 48 articles (for at most 0.2 s after one arrives): when it is
            // faster than the readers it would otherwise commit groups of a dozen, and each commit costs a round of index
            // pages in SQLite's log and a dozen round trips to PostgreSQL (docs/benchmarks.md, "Issue 4, fourth pass").
            var channel = new Handoff<Item>(64, gather: 48, gatherFor: TimeSpan.FromMilliseconds(200));
            using var stop = new CancellationTokenSource();
            var reading = new OrderedParallel<ReadFile>(files.Count, workers, window: 4 * workers, i => Read(files[i], known), "ingest reader");

            // In input order on one thread: the near-copy index, the reports, the mapping to the ledger's records. Writing
            // to the ledger on this one: the stages overlap.
            var collected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var collector = new Thread(() =>
            {
                try
                {
                    var seen = new HashSet<string>(known, StringComparer.Ordinal);
                    foreach (var file in reading.Results())
                    {
                        foreach (var read in file.Articles)
                        {
                            if (stop.IsCancellationRequested) break;
                            Interlocked.Increment(ref _read);
                            if (read.Known || !seen.Add(read.Hash))
                            {
                                Interlocked.Increment(ref _known);
                                Line($"already in the ledger: {read.Input.Name}");
                                continue;
                            }

                            if (!channel.Add(Prepare(read))) break;
                        }

                        if (file.Error is not null) readFailures.Enqueue(file.Error);
                        if (stop.IsCancellationRequested) break;
                    }

                    ctx.Mark("ingest read and extracted every article");
                    // The writer's last group goes now; the clusters need only the reports: made here, they overlap
                    // the writer's last groups instead of waiting for them.
                    channel.Complete();
                    _clusters = EventClustering.Cluster(_reports);
                    ctx.Mark("ingest clustered the events");
                    collected.SetResult();
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    collected.SetResult();
                }
                catch (Exception e)
                {
                    collected.SetException(e);
                }
                finally
                {
                    channel.Complete();
                }
            }) { IsBackground = true, Name = "ingest collector" };
            collector.Start();

            string? writeFailure = null;
            try
            {
                using INewsIngestSink session = dryRunStates is not null
                    ? new InMemoryNewsIngest(ledger?.StateCodes() ?? dryRunStates, ctx.Clock, who, known)
                    : ledger!.OpenNewsIngest(who);
                var progress = !json && Interactive();
                var done = Consume(channel, session, untilLong: progress);
                if (!done)
                {
                    // A long run on a terminal: from here a progress bar instead of a line per article.
                    _quiet = true;
                    ctx.Console.Progress()
                        .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                        .Start(p =>
                        {
                            var task = p.AddTask(DryRun ? "ingesting (dry run)" : "ingesting", maxValue: Math.Max(total, 1));
                            Consume(channel, session, untilLong: false, () =>
                            {
                                task.Value = Math.Min(_read, task.MaxValue);
                                task.Description = $"{_new} new, {_known} known";
                            });
                            task.Value = task.MaxValue;
                        });
                }
            }
            catch (Exception e) when (e is LedgerException or DbException or IOException or TimeoutException)
            {
                writeFailure = $"{_current ?? "the ledger"}: {e.Message}";
            }
            finally
            {
                _stop = true;
                stop.Cancel();
                channel.Cancel();
                collector.Join();
                reading.Dispose();
            }

            collected.Task.GetAwaiter().GetResult();
            ctx.Mark("ingest wrote every article");
            var failures = readFailures.Select(f => $"cannot read {f}").ToList();
            if (writeFailure is not null) failures.Add(writeFailure);
            Summary(failures);
            foreach (var f in failures) ctx.Err.WriteLine($"error: {f}");
            ctx.Mark("ingest summary written");
            return failures.Count == 0 ? 0 : 1;
        }

        private readonly List<Item> _taken = [];
        private int _groups;
        // How long the writer spent storing groups (for TREATYWATCH_TIMINGS).
        private TimeSpan _writing;

        /// <summary>
        /// Writes the articles as they come: all those waiting at once, as one group (one commit: see
        /// <see cref="INewsIngestSink.AddGroup"/>), so that the writer keeps up when it falls behind and an article
        /// that arrives alone is committed alone. With <paramref name="untilLong"/> it returns false as soon as the run
        /// is long (to go on with a progress bar).
        /// </summary>
        private bool Consume(Handoff<Item> reader, INewsIngestSink session, bool untilLong, Action? tick = null)
        {
            while (true)
            {
                _taken.Clear();
                if (!reader.TakeAll(_taken)) return true;
                _groups++;
                Write(session, _taken);
                tick?.Invoke();
                if (untilLong && (_read >= LongRunArticles || _clock.Elapsed >= LongRunTime)) return false;
            }
        }

        /// <summary>
        /// Stores a group in one commit and counts and reports each article. When the ledger refuses the group (nothing
        /// of it is stored then), the articles are stored one by one, so that those before the refused one are kept (and
        /// counted) and the error names the refused one.
        /// </summary>
        private void Write(INewsIngestSink session, List<Item> items)
        {
            // The name of the article being written, for an error (a group of one names its article).
            _current = items.Count == 1 ? items[0].Name : null;
            IReadOnlyList<IngestOutcome>? outcomes = null;
            var started = Stopwatch.GetTimestamp();
            try
            {
                outcomes = session.AddGroup(items.Select(i => new NewsArticleWithEvents(i.Article, i.Events)).ToList());
            }
            catch (Exception e) when (items.Count > 1 && e is LedgerException or DbException)
            {
                foreach (var item in items)
                {
                    _current = item.Name;
                    Record(item, session.Add(item.Article, item.Events));
                }
            }

            _writing += Stopwatch.GetElapsedTime(started);
            for (var i = 0; i < (outcomes?.Count ?? 0); i++) Record(items[i], outcomes![i]);
            _current = null;
        }

        private void Record(Item item, IngestOutcome outcome)
        {
            if (outcome.AlreadyOnRecord)
            {
                Interlocked.Increment(ref _known);
                Line($"already in the ledger: {item.Name}");
            }
            else
            {
                _new++;
                _events += outcome.Events;
                _actions += outcome.ActionIds.Count;
                Line($"{item.Name}: {outcome.Events} event(s), {outcome.ActionIds.Count} reported action(s)");
            }
        }

        private readonly Lock _lines = new();
        // With a progress bar, per-article lines would scroll it away.
        private volatile bool _quiet;

        private bool Interactive() =>
            ctx.Console.Profile.Capabilities.Interactive && !Console.IsOutputRedirected && ReferenceEquals(ctx.Out, Console.Out);

        private void Line(string text)
        {
            if (json || _quiet) return;
            lock (_lines) ctx.Out.WriteLine(text);
        }

        private void Summary(List<string> failures)
        {
            var seconds = _clock.Elapsed.TotalSeconds;
            ctx.Mark($"ingest wrote {_new} new article(s) in {_groups} group(s), {_writing.TotalMilliseconds:F0} ms writing");
            // Made by the collector when it read every article; here when it stopped early.
            var clusters = _clusters ?? EventClustering.Cluster(_reports);
            if (json)
            {
                Json.Write(ctx.Out, w =>
                {
                    w.WriteStartObject();
                    w.WriteNumber("read", _read);
                    w.WriteNumber("new", _new);
                    w.WriteNumber("alreadyInLedger", _known);
                    w.WriteNumber("events", _events);
                    w.WriteNumber("reportedActions", _actions);
                    w.WriteNumber("seconds", Math.Round(seconds, 3));
                    w.WriteString("ledger", ledger?.Location ?? "none");
                    w.WriteBoolean("dryRun", DryRun);
                    w.WriteNumber("failed", failures.Count);
                    w.WriteStartArray("errors");
                    foreach (var f in failures) w.WriteStringValue(f);
                    w.WriteEndArray();
                    w.WriteStartArray("nearCopies");
                    foreach (var (name, of) in _copyOf)
                    {
                        w.WriteStartObject();
                        w.WriteString("file", name);
                        w.WriteString("copyOf", of);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteStartArray("checks");
                    foreach (var c in _checks)
                    {
                        w.WriteStartObject();
                        w.WriteString("file", c.Article);
                        w.WriteString("check", c.Kind.Name());
                        w.WriteString("state", c.State);
                        w.WriteString("treaty", c.Treaty);
                        w.WriteString("explanation", c.Explanation);
                        w.WriteString("evidence", c.Evidence);
                        w.WriteNumber("start", c.Start);
                        w.WriteNumber("end", c.End);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteStartArray("clusters");
                    foreach (var c in clusters)
                    {
                        w.WriteStartObject();
                        w.WriteString("key", c.Key);
                        w.WriteString("state", c.State);
                        w.WriteString("treaty", c.Treaty);
                        w.WriteString("action", c.Action.Name());
                        w.WriteString("date", c.Date?.ToString() ?? "");
                        w.WriteString("certainty", c.Certainty.ToString().ToLowerInvariant());
                        w.WriteNumber("independentSources", c.IndependentSources);
                        w.WriteStartArray("files");
                        foreach (var r in c.Reports) w.WriteStringValue(r.Source.Name);
                        w.WriteEndArray();
                        w.WriteStartArray("conflicts");
                        foreach (var k in c.Conflicts) w.WriteStringValue(k.Explanation);
                        w.WriteEndArray();
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                });
                return;
            }

            ctx.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{_read} article(s) read: {_new} new, {_known} already in the ledger; {_events} event(s) stored, {_actions} reported action(s) added{(failures.Count > 0 ? $"; {failures.Count} failed" : "")} ({seconds:0.00} s)"));
            if (DryRun) ctx.Out.WriteLine($"dry run: nothing was stored{(ledger is null ? "" : $" in {ledger.Location}")}; the counts are what ingest would store");
            foreach (var (name, of) in _copyOf) ctx.Out.WriteLine($"near copy: {name} repeats {of} (counted once as a source)");
            foreach (var c in _checks) ctx.Out.WriteLine($"check ({c.Kind.Name()}) {c.Article}: {c.Explanation}");
            var across = clusters.Where(c => c.Reports.Count > 1 || c.Conflicts.Count > 0).ToList();
            if (across.Count > 0) ctx.Out.WriteLine($"{across.Count} event(s) reported by more than one article:");
            foreach (var c in across)
            {
                ctx.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {c.State} {c.Treaty} {c.Action.Name()} {c.Date?.ToString() ?? "(no date)"}: {c.Certainty.ToString().ToLowerInvariant()}, {c.IndependentSources} independent source(s) ({string.Join(", ", c.Reports.Select(r => r.Source.Name).Distinct())})"));
                foreach (var k in c.Conflicts) ctx.Out.WriteLine($"    disputed: {k.Explanation}");
            }
        }

        /// <summary>
        /// The files the inputs name, in the order <c>extract</c> reads them (a folder's files recursively, in ordinal order);
        /// "-" is standard input. A path that is neither file nor folder stops the run before anything is written.
        /// </summary>
        internal static List<string> Expand(string[] inputs)
        {
            var files = new List<string>();
            foreach (var input in inputs)
            {
                if (input == "-") files.Add(input);
                else if (Directory.Exists(input))
                    files.AddRange(Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories)
                        .Where(f => ArticleInputs.Extensions.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
                        .Order(StringComparer.Ordinal));
                else if (File.Exists(input) || new FileInfo(input).LinkTarget is not null) files.Add(input);
                else throw new UserInputException($"'{input}' is neither a file nor a folder");
            }

            return files;
        }
    }
}

/// <summary>Reported actions (ingested news, reports) shown beside a status: news waiting for review, never law.</summary>
internal static class ReportedNews
{
    public static void Render(IAnsiConsole console, IReadOnlyList<LedgerAction> reported, string state, string treaty)
    {
        var mine = reported.Where(r => r.Action.State == state && r.Action.TreatyId == treaty).ToList();
        if (mine.Count == 0) return;
        console.WriteLine();
        console.MarkupLine("[bold]Reported in the news[/] [dim](not law: waiting for review, it changes no status)[/]");
        // As the other lists: a bullet column, and each report's text wrapping under itself.
        var list = new Grid().AddColumn(new GridColumn().NoWrap().PadLeft(1).PadRight(1)).AddColumn();
        foreach (var r in mine.OrderBy(r => r.Action.Date.FirstDay))
        {
            var a = r.Action;
            var where = a.Sources.Count > 0 ? $" [dim]{Markup.Escape(a.Sources[0].Url ?? a.Sources[0].Title)}[/]" : "";
            list.AddRow("·", $"{Markup.Escape($"{ActionKinds.Describe(a.Kind)}, {StatusCommand.Human(a.Date)}{(a.Votes is { } v ? $" ({v})" : "")}")} [dim]{Markup.Escape(a.Id)}[/]{where}");
        }

        console.Write(list);
    }
}
