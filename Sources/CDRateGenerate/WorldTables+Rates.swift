import CDRate
/// The hand-written tables of the synthetic world: rates, discounts, calendar,
/// settlement and fraud parameters. They do not depend on the seed.
extension WorldTables {
    /// `discounts.tbl`: every TYPE; at most one CAP per plan and component in force on any
    /// day (SPEC section 3); B99's free minutes change mid-month as a new version of rule 10.
    static let discounts = """
        # discounts.tbl: free units, family and percentage discounts per plan, and bill-level caps
        PLAN RULE TYPE   COMPONENT CLASS    BAND VALUE  VALID_FROM VALID_TO
        K19  10   FREE   SMS       DOM      *    50     20260101   -          # 50 domestic SMS a month
        K19  90   CAP    TOLL      *        *    200000 20260101   -          # long distance capped at 200 CNY a month
        W39  10   FREE   AIR       *        *    200    20260101   -          # 200 minutes, at home or roaming
        W39  20   PCT    TOLL      INTER    PEAK 20     20260101   -
        W39  30   FREE   DATA      HOME     *    512    20260101   -          # 512 MB at home
        J59  10   FREE   AIR       HOME     *    300    20260101   -
        J59  20   FAMILY AIR       *        *    50     20260101   -          # half price to family numbers
        J59  21   FAMILY TOLL      *        *    50     20260101   -
        J59  30   PCT    SMS       *        *    20     20260101   -
        J59  90   CAP    AIR       *        *    150000 20260101   -
        D29  10   FREE   DATA      *        *    1024   20260101   -          # 1 GB a month, anywhere
        D29  20   PCT    DATA      ROAM_NAT *    50     20260101   -
        D29  90   CAP    DATA      *        *    50000  20260101   -
        B99  10   FREE   AIR       *        *    1000   20260101   20260923
        B99  10   FREE   AIR       *        *    1200   20260924   -          # 200 more minutes from the 24th, one pool across both versions
        B99  20   FREE   SMS       *        *    200    20260101   -
        B99  30   PCT    TOLL      *        OFF  30     20260101   -
        B99  40   PCT    AIR       ROAM_NAT *    25     20260101   -
        B99  90   CAP    TOLL      *        *    300000 20260101   20260923
        B99  91   CAP    TOLL      *        *    250000 20260924   -          # a lower cap from the 24th: the rule in force on the cycle's last day applies

        """

    /// `tariff.tbl`: retail rates; TOLL INTRA PEAK changes on the 24th; zone Z8 has no row.
    static let tariff = """
        # tariff.tbl: retail rates, RATE li per UNIT (seconds, messages or KB)
        COMPONENT CLASS     BAND UNIT RATE VALID_FROM VALID_TO
        AIR       HOME      ALL  60   450  20250101   20251231   # last year's price
        AIR       HOME      ALL  60   400  20260101   -
        AIR       ROAM_PROV ALL  60   600  20260101   -
        AIR       ROAM_NAT  ALL  60   600  20260101   -
        TOLL      INTRA     PEAK 6    70   20260101   20260923
        TOLL      INTRA     PEAK 6    60   20260924   -          # price cut from the 24th
        TOLL      INTRA     OFF  6    40   20260101   -
        TOLL      INTER     PEAK 6    70   20260101   -
        TOLL      INTER     OFF  6    40   20260101   -
        TOLL      GAT       ALL  6    200  20260101   -
        TOLL      Z1        ALL  6    800  20260101   -
        TOLL      Z2        ALL  6    900  20260101   -
        TOLL      Z3        ALL  6    800  20260101   -
        TOLL      Z4        ALL  6    1000 20260101   -
        TOLL      Z5        ALL  6    1000 20260101   -
        TOLL      Z6        ALL  6    900  20260101   -
        TOLL      Z7        ALL  6    1500 20260101   -
        TOLL      Z9        ALL  6    3000 20260101   -
        # no Z8 row: Inmarsat (870) is not sold at retail, such calls are rejected E08
        RTOLL     ROAM_PROV PEAK 6    70   20260101   -
        RTOLL     ROAM_PROV OFF  6    40   20260101   -
        RTOLL     ROAM_NAT  PEAK 6    70   20260101   -
        RTOLL     ROAM_NAT  OFF  6    40   20260101   -
        SMS       DOM       ALL  1    100  20260101   -
        SMS       GAT       ALL  1    500  20260101   -
        SMS       INTL      ALL  1    1000 20260101   -
        DATA      HOME      ALL  1024 290  20260101   -
        DATA      ROAM_PROV ALL  1024 290  20260101   -
        DATA      ROAM_NAT  ALL  1024 500  20260101   -

        """

    /// `timebands.tbl`: each day type covers 24 hours exactly.
    static let timeBands = """
        # timebands.tbl: peak and off-peak hours per day type, half-open HHMM ranges
        DAYTYPE FROM TO   BAND
        WEEKDAY 0000 0700 OFF
        WEEKDAY 0700 2300 PEAK
        WEEKDAY 2300 2400 OFF
        WEEKEND 0000 2400 OFF
        HOLIDAY 0000 2400 OFF

        """

    /// `holidays.tbl`: the national public holidays of 2026 (make-up working days are weekdays).
    static let holidays = """
        # holidays.tbl: national public holidays of 2026, rated as HOLIDAY (all off-peak)
        DATE     NAME
        20260101 New_Year
        20260102 New_Year
        20260103 New_Year
        20260215 Spring_Festival
        20260216 Spring_Festival
        20260217 Spring_Festival
        20260218 Spring_Festival
        20260219 Spring_Festival
        20260220 Spring_Festival
        20260221 Spring_Festival
        20260222 Spring_Festival
        20260223 Spring_Festival
        20260404 Qingming
        20260405 Qingming
        20260406 Qingming
        20260501 Labour_Day
        20260502 Labour_Day
        20260503 Labour_Day
        20260504 Labour_Day
        20260505 Labour_Day
        20260619 Dragon_Boat
        20260620 Dragon_Boat
        20260621 Dragon_Boat
        20260925 Mid_Autumn
        20260926 Mid_Autumn
        20260927 Mid_Autumn
        20261001 National_Day
        20261002 National_Day
        20261003 National_Day
        20261004 National_Day
        20261005 National_Day
        20261006 National_Day
        20261007 National_Day

        """

    /// `partner_rates.tbl`: every service of every partner; VODUK's data rate lapses on
    /// 20260923 and CSLHK's MO_INTL rate changes on the 24th.
    static let partnerRates = """
        # partner_rates.tbl: wholesale rates charged to roaming partners for their visiting subscribers
        PARTNER SERVICE UNIT RATE VALID_FROM VALID_TO
        VODUK   MO_DOM  60   1400 20260101   -
        VODUK   MO_INTL 60   7500 20260101   -
        VODUK   MT      60   900  20260101   -
        VODUK   SMS     1    700  20260101   -
        VODUK   DATA    1024 4500 20260101   20260922
        VODUK   DATA    1024 3500 20260924   -          # agreement renewed a day late: no data rate on 20260923 (E08)
        DOCOMO  MO_DOM  60   1700 20260101   -
        DOCOMO  MO_INTL 60   8500 20260101   -
        DOCOMO  MT      60   1100 20260101   -
        DOCOMO  SMS     1    850  20260101   -
        DOCOMO  DATA    1024 5200 20260101   -
        CSLHK   MO_DOM  60   1100 20260101   -
        CSLHK   MO_INTL 60   5500 20260101   20260923
        CSLHK   MO_INTL 60   5000 20260924   -          # new price from the 24th
        CSLHK   MT      60   800  20260101   -
        CSLHK   SMS     1    550  20260101   -
        CSLHK   DATA    1024 3800 20260101   -

        """

    /// `interconnect.tbl`: CM and CT, both directions, every class; CM's local rate
    /// changes on the 24th and CT settles incoming toll per 6 seconds.
    static let interconnect = """
        # interconnect.tbl: settlement with the other domestic operators, RATE li per UNIT
        OPERATOR DIRECTION CLASS UNIT RATE VALID_FROM VALID_TO
        CM       OUT       LOCAL 60   60   20260101   20260923
        CM       OUT       LOCAL 60   50   20260924   -          # new local termination rate from the 24th
        CM       IN        LOCAL 60   60   20260101   -
        CM       OUT       TOLL  60   110  20260101   -
        CM       IN        TOLL  60   110  20260101   -
        CM       OUT       SMS   1    25   20260101   -
        CM       IN        SMS   1    25   20260101   -
        CT       OUT       LOCAL 60   55   20260101   -
        CT       IN        LOCAL 60   55   20260101   -
        CT       OUT       TOLL  60   100  20260101   -
        CT       IN        TOLL  6    10   20260101   -          # CT settles incoming toll per 6 seconds
        CT       OUT       SMS   1    25   20260101   -
        CT       IN        SMS   1    25   20260101   -

        """

    /// `fraud.tbl`: all seven rules on.
    static let fraud = """
        # fraud.tbl: fraud rule parameters (SPEC section 7), 0 disables a rule
        RULE        PARAM
        OVERLAP     1       # on
        VELOCITY    120     # minutes between records in two provinces
        LONG_CALL   10800   # seconds: three hours
        INTL_VOLUME 120     # international minutes per subscriber and day
        CFW_INTL    1       # on
        HOT_DEST    1       # on
        IMEI_CHANGE 3       # the third handset of a day

        """

    /// `hotlist.tbl`: three high-risk prefixes, all routable and priced.
    static let hotList = """
        # hotlist.tbl: high-risk destination prefixes (normalized), flagged HOT_DEST
        PREFIX NAME
        23225  Sierra_Leone_premium
        37125  Latvia_premium_rate
        88216  Thuraya_satellite

        """
}
