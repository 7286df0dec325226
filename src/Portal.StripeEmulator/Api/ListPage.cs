using System.Text.Json.Nodes;
using Portal.StripeEmulator.State;
using Portal.StripeEmulator.Wire;

namespace Portal.StripeEmulator.Api;

/// <summary>Stripe's list answer: <c>limit</c> 1..100 (default 10), <c>starting_after</c>/<c>ending_before</c>, <c>{object:"list",data,has_more,url}</c>.</summary>
internal static class ListPage
{
    public static (int Limit, string? StartingAfter, string? EndingBefore) ReadPaging(FormNode root)
    {
        var limit = Params.Integer(root, "limit") ?? 10;
        if (limit is < 1 or > 100)
        {
            throw StripeApiException.InvalidRequest("Invalid limit: must be between 1 and 100.", "limit");
        }

        var startingAfter = Params.Text(root, "starting_after");
        var endingBefore = Params.Text(root, "ending_before");
        if (startingAfter is not null && endingBefore is not null)
        {
            throw StripeApiException.InvalidRequest("You may only specify one of these parameters: starting_after, ending_before.", "ending_before");
        }

        return ((int)limit, startingAfter, endingBefore);
    }

    /// <summary>Pages over items already filtered and sorted newest first.</summary>
    public static JsonObject Render<T>(IReadOnlyList<T> newestFirst, (int Limit, string? StartingAfter, string? EndingBefore) paging, string url, EmulatorStore store)
        where T : StripeObject
    {
        var (limit, startingAfter, endingBefore) = paging;
        IEnumerable<T> window;
        bool hasMore;
        if (endingBefore is not null)
        {
            var end = IndexOf(newestFirst, endingBefore, "ending_before");
            var start = Math.Max(0, end - limit);
            window = newestFirst.Skip(start).Take(end - start);
            hasMore = start > 0;
        }
        else
        {
            var start = startingAfter is null ? 0 : IndexOf(newestFirst, startingAfter, "starting_after") + 1;
            window = newestFirst.Skip(start).Take(limit);
            hasMore = newestFirst.Count > start + limit;
        }

        var data = new JsonArray();
        lock (store.Gate)
        {
            foreach (var item in window)
            {
                data.Add(item.ToJson());
            }
        }

        return new JsonObject { ["object"] = "list", ["data"] = data, ["has_more"] = hasMore, ["url"] = url };
    }

    private static int IndexOf<T>(IReadOnlyList<T> items, string id, string param)
        where T : StripeObject
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].Id == id)
            {
                return i;
            }
        }

        throw StripeApiException.NoSuch("object", id, param);
    }
}
