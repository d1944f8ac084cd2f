package dev.tiketi.user.account;

/** Korean mobile numbers, accepted with or without hyphens and stored in one form: 010-1234-5678. */
public final class PhoneNumbers {

    /** 010, 011, 016, 017, 018 or 019, then 3-4 and 4 digits, hyphens optional. */
    public static final String PATTERN = "^01[016789]-?\\d{3,4}-?\\d{4}$";

    private PhoneNumbers() {
    }

    /** The canonical form of a number that matches {@link #PATTERN}. */
    public static String normalize(String phone) {
        String digits = phone.replace("-", "");
        int middleEnd = digits.length() - 4;
        return digits.substring(0, 3) + "-" + digits.substring(3, middleEnd) + "-" + digits.substring(middleEnd);
    }
}
