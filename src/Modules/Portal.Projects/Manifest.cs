using Portal.Core.Modules;

namespace Portal.Projects;

public static class Manifest
{
    public const string Feature = "Portal.Projects";

    public static readonly ModuleManifest Module = new(
        "Portal.Projects",
        "Projects",
        "A client's engagements (a tax return, a year-end): a status from the practice's list, an expected date, the files of its folder and its message thread.",
        [new FeatureDescriptor(Feature, "Projects", "Show clients where their returns and year-ends stand, next to their files.", "Clients", ["Portal.Clients", "Portal.Documents"]) { ClientPromise = "follow your projects" }]);
}
