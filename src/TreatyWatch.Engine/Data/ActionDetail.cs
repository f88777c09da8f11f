using System.Globalization;
using System.Text.RegularExpressions;
using TreatyWatch.Engine.Actions;

namespace TreatyWatch.Engine.Data;

/// <summary>
/// The <c>detail</c> field of an actions row (docs/data-format.md): <c>key=value</c> pairs separated by <c>;</c>.
/// One reader for the bundled data and for imports of the project's own format.
/// </summary>
/// <param name="Votes">votes= and threshold= together.</param>
/// <param name="Effective">effective= as written (the caller parses the date, so it can name the column).</param>
public sealed partial record ActionDetail(Votes? Votes, string? Effective, string? Id, string? Supersedes, string? By, string? ObjectsTo)
{
    /// <summary>Parses a detail field; problems are added to <paramref name="errors"/> with file and line, and null is returned.</summary>
    public static ActionDetail? Parse(string field, string file, int line, List<DataError> errors)
    {
        Votes? votes = null;
        int? threshold = null;
        string? effective = null, id = null, supersedes = null, by = null, objectsTo = null;
        var ok = true;
        foreach (var pair in Csv.List(field))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                errors.Add(new DataError(file, line, $"detail '{pair}' is not key=value"));
                ok = false;
                continue;
            }

            var key = pair[..eq].Trim();
            var value = pair[(eq + 1)..].Trim();
            switch (key)
            {
                case "votes":
                    var vm = VotesPattern().Match(value);
                    if (vm.Success)
                    {
                        static int? N(Group g) => g.Success && g.Value != "?" ? int.Parse(g.Value, CultureInfo.InvariantCulture) : null;
                        votes = new Votes(N(vm.Groups[1]), N(vm.Groups[2]), N(vm.Groups[3]), null);
                    }
                    else
                    {
                        errors.Add(new DataError(file, line, $"votes '{value}' is not for-against[-abstain] (e.g. 107-0-3 or 83-15; ? for unknown)"));
                        ok = false;
                    }

                    break;
                case "threshold":
                    if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var t)) threshold = t;
                    else
                    {
                        errors.Add(new DataError(file, line, $"threshold '{value}' is not a number"));
                        ok = false;
                    }

                    break;
                case "effective": effective = value; break;
                case "id": id = value; break;
                case "supersedes": supersedes = value; break;
                case "by": by = value; break;
                case "objects-to": objectsTo = value; break;
                default:
                    errors.Add(new DataError(file, line, $"unknown detail key '{key}' (known: votes, threshold, effective, id, supersedes, by, objects-to)"));
                    ok = false;
                    break;
            }
        }

        if (threshold is not null) votes = (votes ?? new Votes(null, null, null, null)) with { Required = threshold };
        return ok ? new ActionDetail(votes, effective, id, supersedes, by, objectsTo) : null;
    }

    [GeneratedRegex(@"^(\d+|\?)-(\d+|\?)(?:-(\d+|\?))?$")]
    private static partial Regex VotesPattern();
}
