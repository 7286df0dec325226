using Portal.Core.Security;

namespace Portal.Messages;

/// <summary>
/// Staff read and answer client threads with <see cref="AnswerName"/> (the inbox, replies, assignment);
/// the practice's contact reasons and their routing need <see cref="ManageReasonsName"/>.
/// </summary>
public sealed class Permissions : IPermissionProvider
{
    public const string AnswerName = "Messages.Answer";
    public const string ManageReasonsName = "Messages.ManageReasons";

    public static readonly Permission Answer = new(AnswerName, "Read and answer client messages, assign threads", "Messages");
    public static readonly Permission ManageReasons = new(ManageReasonsName, "Edit the Contact us reasons and where they are routed", "Messages");

    public string Feature => Manifest.Feature;

    public IEnumerable<Permission> GetPermissions() => [Answer, ManageReasons];

    public IEnumerable<PermissionStereotype> GetDefaultStereotypes() =>
    [
        new(RoleNames.Administrator, [Answer, ManageReasons]),
        new(RoleNames.Staff, [Answer]),
    ];
}
