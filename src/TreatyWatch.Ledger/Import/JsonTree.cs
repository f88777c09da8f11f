using System.Globalization;
using System.Text;
using System.Text.Json;
using TreatyWatch.Engine.Data;

namespace TreatyWatch.Ledger.Import;

/// <summary>
/// A small JSON tree whose nodes know their line, so that an import can name the line of a bad action.
/// (<see cref="JsonDocument"/> does not keep positions.) Syntax errors throw <see cref="JsonException"/> with the line.
/// </summary>
internal static class JsonTree
{
    public enum Kind { Object, Array, String, Number, True, False, Null }

    public sealed class Node(Kind kind, int line)
    {
        public Kind Kind { get; } = kind;
        public int Line { get; } = line;
        public string? Text { get; init; }
        public List<(string Name, Node Value)> Properties { get; } = [];
        public List<Node> Items { get; } = [];
    }

    public static Node Parse(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 });
        var lines = new LineCounter(bytes);
        if (!reader.Read()) throw new JsonException("the document is empty", null, 0, 0);
        var root = ReadValue(ref reader, lines);
        if (reader.Read()) throw new JsonException("more than one value in the document", null, lines.At(reader.TokenStartIndex) - 1, 0);
        return root;
    }

    private static Node ReadValue(ref Utf8JsonReader reader, LineCounter lines)
    {
        var line = lines.At(reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
            {
                var node = new Node(Kind.Object, line);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var name = reader.GetString()!;
                    reader.Read();
                    node.Properties.Add((name, ReadValue(ref reader, lines)));
                }

                return node;
            }
            case JsonTokenType.StartArray:
            {
                var node = new Node(Kind.Array, line);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) node.Items.Add(ReadValue(ref reader, lines));
                return node;
            }
            case JsonTokenType.String: return new Node(Kind.String, line) { Text = reader.GetString() };
            case JsonTokenType.Number: return new Node(Kind.Number, line) { Text = Encoding.UTF8.GetString(reader.ValueSpan) };
            case JsonTokenType.True: return new Node(Kind.True, line);
            case JsonTokenType.False: return new Node(Kind.False, line);
            case JsonTokenType.Null: return new Node(Kind.Null, line);
            default: throw new JsonException($"unexpected {reader.TokenType}", null, line - 1, 0);
        }
    }

    /// <summary>1-based line of a byte offset; offsets are asked in increasing order.</summary>
    private sealed class LineCounter(byte[] bytes)
    {
        private long _scanned;
        private int _line = 1;

        public int At(long offset)
        {
            for (; _scanned < offset && _scanned < bytes.Length; _scanned++)
            {
                if (bytes[_scanned] == (byte)'\n') _line++;
            }

            return _line;
        }
    }
}

/// <summary>Typed access to a JSON object's fields, reporting wrong types, missing, unknown and repeated fields with their lines.</summary>
internal sealed class JsonFields
{
    private readonly string _file;
    private readonly JsonTree.Node _node;
    private readonly string _what;
    private readonly List<DataError> _errors;
    private readonly Dictionary<string, JsonTree.Node> _fields = new(StringComparer.Ordinal);
    private readonly int _errorsBefore;

    public JsonFields(string file, JsonTree.Node node, string what, List<DataError> errors, IReadOnlyCollection<string> allowed)
    {
        _file = file;
        _node = node;
        _what = what;
        _errors = errors;
        _errorsBefore = errors.Count;
        if (node.Kind != JsonTree.Kind.Object)
        {
            Error(node.Line, $"{what} must be an object, not {Describe(node)}");
            return;
        }

        foreach (var (name, value) in node.Properties)
        {
            if (!allowed.Contains(name)) Error(value.Line, $"{what}: unknown field '{name}' (known: {string.Join(", ", allowed)})");
            else if (!_fields.TryAdd(name, value)) Error(value.Line, $"{what}: field '{name}' appears twice");
        }
    }

    /// <summary>The line of a field's value; the object's line when the field is absent.</summary>
    public int LineOf(string name) => _fields.TryGetValue(name, out var n) ? n.Line : _node.Line;

    /// <summary>True while no error was found in this object.</summary>
    public bool Ok => _errors.Count == _errorsBefore;

    public string? String(string name, bool required = false)
    {
        var n = Get(name, required);
        if (n is null) return null;
        if (n.Kind == JsonTree.Kind.String) return n.Text;
        Error(n.Line, $"{_what}: '{name}' must be a string, not {Describe(n)}");
        return null;
    }

    public int? Int(string name)
    {
        var n = Get(name, false);
        if (n is null) return null;
        if (n.Kind == JsonTree.Kind.Number && int.TryParse(n.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i)) return i;
        Error(n.Line, $"{_what}: '{name}' must be a whole number, not {Describe(n)}");
        return null;
    }

    public IReadOnlyList<JsonTree.Node> Array(string name, bool required = false)
    {
        var n = Get(name, required);
        if (n is null) return [];
        if (n.Kind == JsonTree.Kind.Array) return n.Items;
        Error(n.Line, $"{_what}: '{name}' must be an array, not {Describe(n)}");
        return [];
    }

    public JsonTree.Node? Object(string name)
    {
        var n = Get(name, false);
        if (n is null) return null;
        if (n.Kind == JsonTree.Kind.Object) return n;
        Error(n.Line, $"{_what}: '{name}' must be an object or null, not {Describe(n)}");
        return null;
    }

    /// <summary>A string array item.</summary>
    public static string? AsString(string file, JsonTree.Node node, string what, List<DataError> errors)
    {
        if (node.Kind == JsonTree.Kind.String) return node.Text;
        errors.Add(new DataError(file, node.Line, $"{what} must be a string, not {Describe(node)}"));
        return null;
    }

    private JsonTree.Node? Get(string name, bool required)
    {
        if (_node.Kind != JsonTree.Kind.Object) return null;
        if (!_fields.TryGetValue(name, out var n) || n.Kind == JsonTree.Kind.Null)
        {
            if (required) Error(n?.Line ?? _node.Line, $"{_what}: '{name}' is required");
            return null;
        }

        return n;
    }

    private void Error(int line, string reason) => _errors.Add(new DataError(_file, line, reason));

    private static string Describe(JsonTree.Node n) => n.Kind switch
    {
        JsonTree.Kind.String => $"the string \"{n.Text}\"",
        JsonTree.Kind.Number => $"the number {n.Text}",
        _ => n.Kind.ToString().ToLowerInvariant(),
    };
}
