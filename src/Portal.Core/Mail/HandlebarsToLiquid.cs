using System.Text;
using System.Text.RegularExpressions;

namespace Portal.Core.Mail;

/// <summary>
/// Converts a template a practice saved in the Handlebars syntax Portal used before Liquid. It knows
/// what the built-in templates and the editor's help used: <c>{{name}}</c>, <c>{{{raw}}}</c>,
/// <c>{{#if}}</c>/<c>{{#unless}}</c> with <c>{{else}}</c>, <c>{{#each}}</c> with <c>{{this}}</c>,
/// <c>@index</c>, <c>@first</c>, <c>@last</c> and <c>../</c>, comments, <c>~</c> and escaped
/// mustaches. The result renders the same text: Handlebars drops a line that holds only a block tag,
/// which Liquid does not, so those lines are removed here; and Handlebars counts <c>""</c>, <c>0</c>
/// and an empty list as false, so a condition on anything but a yes/no value of the sample model is
/// spelled out. Anything else (partials, helpers, <c>#with</c>, ...) is a problem with its line and
/// column: the caller keeps the original and reports it rather than guess.
/// </summary>
public static partial class HandlebarsToLiquid
{
    private static readonly HashSet<string> LiquidLiterals = new(StringComparer.Ordinal) { "empty", "blank", "nil", "null", "true", "false", "forloop" };

    public static HandlebarsConversion Convert(string source, IReadOnlyDictionary<string, object?> sampleModel)
    {
        try
        {
            var nodes = new Reader(source, sampleModel).Read();
            DropStandaloneLines(nodes);
            return new HandlebarsConversion(Write(nodes), null);
        }
        catch (NotConvertibleException ex)
        {
            return new HandlebarsConversion(null, ex.Problem);
        }
    }

    private static string Write(List<Node> nodes)
    {
        var liquid = new StringBuilder();
        foreach (var node in nodes)
        {
            if (node is TextNode text)
            {
                // Literal text that Liquid would read as markup stays literal.
                liquid.Append(text.Value.Contains("{{", StringComparison.Ordinal) || text.Value.Contains("{%", StringComparison.Ordinal)
                    ? "{% raw %}" + text.Value + "{% endraw %}"
                    : text.Value);
            }
            else
            {
                liquid.Append(((TagNode)node).Liquid);
            }
        }

        return liquid.ToString();
    }

    /// <summary>
    /// Handlebars' "standalone" rule: a block tag, <c>{{else}}</c> or comment alone on its line takes the
    /// line's indentation and line break with it. Decided on the original text, as Handlebars does.
    /// </summary>
    private static void DropStandaloneLines(List<Node> nodes)
    {
        for (var i = 0; i < nodes.Count; i++)
        {
            if (nodes[i] is not TagNode { CanStandAlone: true })
            {
                continue;
            }

            if (WhitespaceBefore(nodes, i) && WhitespaceAfter(nodes, i))
            {
                if (i > 0 && nodes[i - 1] is TextNode before && !before.LeftStripped)
                {
                    before.Value = TrailingBlanks().Replace(before.Value, "");
                    before.LeftStripped = true;
                }

                if (i + 1 < nodes.Count && nodes[i + 1] is TextNode after && !after.RightStripped)
                {
                    after.Value = LeadingBlanksAndLineBreak().Replace(after.Value, "");
                    after.RightStripped = true;
                }
            }
        }
    }

    private static bool WhitespaceBefore(List<Node> nodes, int index)
    {
        if (index == 0)
        {
            return true;
        }

        return nodes[index - 1] is TextNode text
            && (index - 1 == 0 ? StartOrLineBreakThenBlanks() : LineBreakThenBlanks()).IsMatch(text.Original);
    }

    private static bool WhitespaceAfter(List<Node> nodes, int index)
    {
        if (index == nodes.Count - 1)
        {
            return true;
        }

        return nodes[index + 1] is TextNode text
            && (index + 1 == nodes.Count - 1 ? BlanksThenLineBreakOrEnd() : BlanksThenLineBreak()).IsMatch(text.Original);
    }

    [GeneratedRegex(@"\r?\n\s*?$")]
    private static partial Regex LineBreakThenBlanks();

    [GeneratedRegex(@"(^|\r?\n)\s*?$")]
    private static partial Regex StartOrLineBreakThenBlanks();

    [GeneratedRegex(@"^\s*?\r?\n")]
    private static partial Regex BlanksThenLineBreak();

    [GeneratedRegex(@"^\s*?(\r?\n|$)")]
    private static partial Regex BlanksThenLineBreakOrEnd();

    [GeneratedRegex(@"[ \t]+$")]
    private static partial Regex TrailingBlanks();

    [GeneratedRegex(@"^[ \t]*\r?\n?")]
    private static partial Regex LeadingBlanksAndLineBreak();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_\-]*$")]
    private static partial Regex Identifier();

    private abstract class Node;

    private sealed class TextNode(string original) : Node
    {
        public string Original { get; } = original;

        public string Value { get; set; } = original;

        public bool LeftStripped { get; set; }

        public bool RightStripped { get; set; }
    }

    private sealed class TagNode(string liquid, bool canStandAlone) : Node
    {
        public string Liquid { get; } = liquid;

        public bool CanStandAlone { get; } = canStandAlone;
    }

    private sealed class Block(string helper, string? loopVariable, int offset)
    {
        public string Helper { get; } = helper;

        public int Offset { get; } = offset;

        /// <summary>The Liquid variable holding <c>this</c> inside an <c>#each</c>, until its <c>{{else}}</c>.</summary>
        public string? LoopVariable { get; set; } = loopVariable;
    }

    private sealed class NotConvertibleException(MailTemplateProblem problem) : Exception(problem.Message)
    {
        public MailTemplateProblem Problem { get; } = problem;
    }

    private sealed class Reader(string source, IReadOnlyDictionary<string, object?> sampleModel)
    {
        private readonly List<Node> _nodes = [];
        private readonly StringBuilder _text = new();
        private readonly Stack<Block> _blocks = new();

        public List<Node> Read()
        {
            var position = 0;
            while (position < source.Length)
            {
                var open = source.IndexOf("{{", position, StringComparison.Ordinal);
                if (open < 0)
                {
                    _text.Append(source, position, source.Length - position);
                    break;
                }

                if (open > position && source[open - 1] == '\\')
                {
                    // \{{x}} is the literal text {{x}}.
                    _text.Append(source, position, open - 1 - position);
                    var literalEnd = source.IndexOf("}}", open + 2, StringComparison.Ordinal);
                    var stop = literalEnd < 0 ? source.Length : literalEnd + 2;
                    _text.Append(source, open, stop - open);
                    position = stop;
                    continue;
                }

                _text.Append(source, position, open - position);
                FlushText();
                position = ReadTag(open);
            }

            FlushText();
            if (_blocks.Count > 0)
            {
                throw Problem(_blocks.Peek().Offset, $"'{{{{#{_blocks.Peek().Helper}}}}}' is never closed.");
            }

            return _nodes;
        }

        private void FlushText()
        {
            if (_text.Length > 0)
            {
                _nodes.Add(new TextNode(_text.ToString()));
                _text.Clear();
            }
        }

        /// <summary>Reads the tag starting at <paramref name="open"/> ("{{"); returns the position after it.</summary>
        private int ReadTag(int open)
        {
            var start = open + 2;
            var trimBefore = At(start, "~");
            if (trimBefore)
            {
                start++;
            }

            if (At(start, "!--"))
            {
                var end = source.IndexOf("--", start + 3, StringComparison.Ordinal);
                while (end >= 0 && !(At(end + 2, "}}") || At(end + 2, "~}}")))
                {
                    end = source.IndexOf("--", end + 1, StringComparison.Ordinal);
                }

                if (end < 0)
                {
                    throw Problem(open, "This comment is never closed.");
                }

                var trimAfter = At(end + 2, "~");
                AddComment(source[(start + 3)..end], trimBefore, trimAfter);
                return end + (trimAfter ? 5 : 4);
            }

            if (At(start, "{"))
            {
                var end = source.IndexOf('}', start + 1);
                var trimAfter = end >= 0 && At(end + 1, "~}}");
                if (end < 0 || !(At(end + 1, "}}") || trimAfter))
                {
                    throw Problem(open, "This '{{{' is never closed with '}}}'.");
                }

                AddOutput(open, source[(start + 1)..end].Trim(), raw: true, trimBefore, trimAfter);
                return end + (trimAfter ? 4 : 3);
            }

            var close = source.IndexOf("}}", start, StringComparison.Ordinal);
            if (close < 0)
            {
                throw Problem(open, "This '{{' is never closed with '}}'.");
            }

            var inner = source[start..close];
            var trim = inner.EndsWith('~');
            if (trim)
            {
                inner = inner[..^1];
            }

            ReadInner(open, inner.Trim(), trimBefore, trim);
            return close + 2;
        }

        private void ReadInner(int open, string inner, bool trimBefore, bool trimAfter)
        {
            if (inner.StartsWith('!'))
            {
                AddComment(inner[1..], trimBefore, trimAfter);
            }
            else if (inner.StartsWith('#'))
            {
                OpenBlock(open, inner[1..].Trim(), trimBefore, trimAfter);
            }
            else if (inner.StartsWith('/'))
            {
                CloseBlock(open, inner[1..].Trim(), trimBefore, trimAfter);
            }
            else if (inner is "else" or "^")
            {
                Else(open, trimBefore, trimAfter);
            }
            else if (inner.StartsWith('>'))
            {
                throw Problem(open, $"'{{{{{inner}}}}}' includes a partial, which e-mail templates cannot use.");
            }
            else if (inner.StartsWith('^') || inner.StartsWith("else ", StringComparison.Ordinal))
            {
                throw Problem(open, $"'{{{{{inner}}}}}' has no Liquid equivalent here.");
            }
            else if (inner.StartsWith('&'))
            {
                AddOutput(open, inner[1..].Trim(), raw: true, trimBefore, trimAfter);
            }
            else
            {
                AddOutput(open, inner, raw: false, trimBefore, trimAfter);
            }
        }

        private void AddOutput(int open, string path, bool raw, bool trimBefore, bool trimAfter)
        {
            var value = Resolve(open, path).Liquid;
            _nodes.Add(new TagNode($"{{{{{Dash(trimBefore)} {value}{(raw ? " | raw" : "")} {Dash(trimAfter)}}}}}", canStandAlone: false));
        }

        private void AddComment(string text, bool trimBefore, bool trimAfter)
        {
            var body = text.Contains('{', StringComparison.Ordinal) || text.Contains('%', StringComparison.Ordinal) ? "{% raw %}" + text + "{% endraw %}" : text;
            _nodes.Add(new TagNode($"{{%{Dash(trimBefore)} comment %}}{body}{{% endcomment {Dash(trimAfter)}%}}", canStandAlone: true));
        }

        private void OpenBlock(int open, string expression, bool trimBefore, bool trimAfter)
        {
            var words = expression.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            var helper = words.Length > 0 ? words[0] : "";
            if (helper is not ("if" or "unless" or "each"))
            {
                throw Problem(open, $"'{{{{#{expression}}}}}' uses the block helper '{helper}', which has no Liquid equivalent here.");
            }

            if (words.Length != 2)
            {
                throw Problem(open, $"'{{{{#{expression}}}}}' takes exactly one value.");
            }

            var value = Resolve(open, words[1]);
            string tag;
            if (helper == "each")
            {
                var variable = LoopVariable();
                tag = $"for {variable} in {value.Liquid}";
                _blocks.Push(new Block(helper, variable, open));
            }
            else
            {
                // Handlebars counts "", 0 and an empty list as false; Liquid only nil and false.
                var condition = value.IsYesNo ? value.Liquid : $"{value.Liquid} and {value.Liquid} != empty and {value.Liquid} != 0";
                tag = $"{helper} {condition}";
                _blocks.Push(new Block(helper, null, open));
            }

            _nodes.Add(new TagNode($"{{%{Dash(trimBefore)} {tag} {Dash(trimAfter)}%}}", canStandAlone: true));
        }

        private void Else(int open, bool trimBefore, bool trimAfter)
        {
            if (_blocks.Count == 0)
            {
                throw Problem(open, "'{{else}}' is outside any block.");
            }

            // In the {{else}} of an #each (the list was empty) the context is the outer one again.
            _blocks.Peek().LoopVariable = null;
            _nodes.Add(new TagNode($"{{%{Dash(trimBefore)} else {Dash(trimAfter)}%}}", canStandAlone: true));
        }

        private void CloseBlock(int open, string helper, bool trimBefore, bool trimAfter)
        {
            if (_blocks.Count == 0 || _blocks.Peek().Helper != helper)
            {
                throw Problem(open, _blocks.Count == 0
                    ? $"'{{{{/{helper}}}}}' closes a block that was never opened."
                    : $"'{{{{/{helper}}}}}' closes '{{{{#{_blocks.Peek().Helper}}}}}'.");
            }

            _blocks.Pop();
            var end = helper switch { "each" => "endfor", "if" => "endif", _ => "endunless" };
            _nodes.Add(new TagNode($"{{%{Dash(trimBefore)} {end} {Dash(trimAfter)}%}}", canStandAlone: true));
        }

        /// <summary>A Handlebars path as a Liquid expression, given the #each blocks around it.</summary>
        private (string Liquid, bool IsYesNo) Resolve(int open, string path)
        {
            var loops = _blocks.Where(b => b.LoopVariable is not null).Select(b => b.LoopVariable!).Reverse().ToList();
            var up = 0;
            while (path.StartsWith("../", StringComparison.Ordinal))
            {
                up++;
                path = path[3..];
            }

            if (up > loops.Count)
            {
                throw Problem(open, $"'{{{{{string.Concat(Enumerable.Repeat("../", up))}{path}}}}}' reaches outside the template.");
            }

            var context = loops.Count - up == 0 ? null : loops[loops.Count - up - 1];
            if (path.StartsWith('@'))
            {
                return path switch
                {
                    "@index" when up == 0 && loops.Count > 0 => ("forloop.index0", false),
                    "@first" when up == 0 && loops.Count > 0 => ("forloop.first", true),
                    "@last" when up == 0 && loops.Count > 0 => ("forloop.last", true),
                    _ when path.StartsWith("@root.", StringComparison.Ordinal) => ResolveSegments(open, path, path[6..].Split('.', '/'), null),
                    _ => throw Problem(open, $"'{{{{{path}}}}}' has no Liquid equivalent here."),
                };
            }

            var segments = path.Split('.', '/');
            if (segments[0] == "this")
            {
                segments = segments[1..];
                if (segments.Length == 0)
                {
                    return context is null
                        ? throw Problem(open, "'{{this}}' is only known inside '{{#each}}'.")
                        : (context, false);
                }
            }

            return ResolveSegments(open, path, segments, context);
        }

        private (string Liquid, bool IsYesNo) ResolveSegments(int open, string path, string[] segments, string? context)
        {
            if (segments.Length == 0 || !segments.All(s => Identifier().IsMatch(s)))
            {
                throw Problem(open, path.Contains(' ', StringComparison.Ordinal)
                    ? $"'{{{{{path}}}}}' calls a helper, which has no Liquid equivalent here."
                    : $"'{{{{{path}}}}}' is not a placeholder.");
            }

            if (context is not null)
            {
                return ($"{context}.{string.Join('.', segments)}", false);
            }

            if (LiquidLiterals.Contains(segments[0]))
            {
                throw Problem(open, $"'{segments[0]}' means something else in Liquid.");
            }

            var isYesNo = segments.Length == 1 && sampleModel.TryGetValue(segments[0], out var sample) && sample is bool;
            return (string.Join('.', segments), isYesNo);
        }

        private string LoopVariable()
        {
            var taken = _blocks.Select(b => b.LoopVariable).ToHashSet(StringComparer.Ordinal);
            for (var n = 1; ; n++)
            {
                var name = n == 1 ? "item" : $"item{n}";
                if (!taken.Contains(name) && !sampleModel.ContainsKey(name))
                {
                    return name;
                }
            }
        }

        private bool At(int index, string text) => index >= 0 && index + text.Length <= source.Length && string.CompareOrdinal(source, index, text, 0, text.Length) == 0;

        private static string Dash(bool trim) => trim ? "-" : "";

        private NotConvertibleException Problem(int offset, string message)
        {
            var line = 1;
            var lineStart = 0;
            for (var i = 0; i < offset && i < source.Length; i++)
            {
                if (source[i] == '\n')
                {
                    line++;
                    lineStart = i + 1;
                }
            }

            return new NotConvertibleException(new MailTemplateProblem(message, line, offset - lineStart + 1));
        }
    }
}

/// <summary>A converted template, or why it could not be converted.</summary>
public sealed record HandlebarsConversion(string? Liquid, MailTemplateProblem? Problem);
