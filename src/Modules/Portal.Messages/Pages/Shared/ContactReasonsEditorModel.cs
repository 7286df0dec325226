using Portal.Messages.Models;
using Portal.Messages.Services;

namespace Portal.Messages.Pages.Shared;

/// <summary>What the reasons editor shows: every reason (active first) and where a reason may be routed.</summary>
public sealed record ContactReasonsEditorModel(IReadOnlyList<ContactReason> Reasons, IReadOnlyList<(string Value, string Label)> Routes)
{
    /// <summary>The model-state prefix of the add form's fields.</summary>
    public const string AddPrefix = "Add";

    /// <summary>The model-state prefix of one reason's fields.</summary>
    public static string RowPrefix(Guid id) => $"Reason{id:N}";

    public static string RouteOf(ContactReason reason) => ReasonRoutes.ValueOf(new ReasonRoute(reason.RouteToUserId, reason.RouteToRole));
}
