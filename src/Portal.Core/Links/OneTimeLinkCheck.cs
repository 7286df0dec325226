namespace Portal.Core.Links;

/// <param name="Link">The link, whenever the token names one of the purpose (also when used or expired); null when invalid.</param>
public sealed record OneTimeLinkCheck(OneTimeLinkStatus Status, OneTimeLink? Link);
