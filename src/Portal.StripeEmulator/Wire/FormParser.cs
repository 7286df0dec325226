namespace Portal.StripeEmulator.Wire;

/// <summary>Parses <c>application/x-www-form-urlencoded</c> pairs with bracket nesting into a <see cref="FormNode"/> tree.</summary>
internal static class FormParser
{
    public static FormNode Parse(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var root = new FormNode(string.Empty);
        foreach (var (name, value) in pairs)
        {
            var node = root;
            foreach (var segment in Segments(name))
            {
                // "a[]" appends: the next free index of the array.
                node = node.Child(segment.Length == 0 ? node.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) : segment);
            }

            node.SetValue(value);
        }

        return root;
    }

    public static FormNode Parse(string encoded)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var part in encoded.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(equals < 0 ? part : part[..equals]);
            var value = equals < 0 ? string.Empty : Decode(part[(equals + 1)..]);
            pairs.Add(new(name, value));
        }

        return Parse(pairs);
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    private static List<string> Segments(string name)
    {
        var open = name.IndexOf('[', StringComparison.Ordinal);
        if (open < 0)
        {
            return [name];
        }

        if (open == 0)
        {
            throw StripeApiException.InvalidRequest($"Invalid parameter name: {name}.", name);
        }

        var segments = new List<string> { name[..open] };
        var position = open;
        while (position < name.Length)
        {
            var close = name.IndexOf(']', position);
            if (name[position] != '[' || close < 0)
            {
                throw StripeApiException.InvalidRequest($"Invalid parameter name: {name}.", name);
            }

            segments.Add(name[(position + 1)..close]);
            position = close + 1;
        }

        return segments;
    }
}
