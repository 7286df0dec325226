namespace Portal.Messages.Models;

public enum MessageThreadKind
{
    General,
    Contact,
    Topic,
}
