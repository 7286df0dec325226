namespace Portal.Core.Settings;

/// <summary>
/// A settings field that Portal writes itself (a stored blob's key, say), which a recipe may not set:
/// the recipe step refuses it by name, so a recipe cannot point the practice's logo at another blob.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SetByPortalAttribute : Attribute;
