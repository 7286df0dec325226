using System.Security.Cryptography;

namespace Portal.StripeEmulator.State;

/// <summary>Object ids in Stripe's form: a type prefix and random letters (<c>cs_test_...</c>, <c>acct_...</c>).</summary>
internal static class StripeIds
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static string New(string prefix, int length = 24) => prefix + RandomNumberGenerator.GetString(Alphabet, length);
}
