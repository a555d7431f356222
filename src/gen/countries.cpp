#include "gen/countries.hpp"

#include <array>

namespace redoubt::gen {

namespace {

// United Kingdom: regions are the ITL1 regions and the devolved nations.
constexpr std::array<City, 22> kGbCities = {{
    {"London", "London", 51.5072, -0.1276, 8900000},
    {"Birmingham", "West Midlands", 52.4862, -1.8904, 1140000},
    {"Leeds", "Yorkshire and the Humber", 53.8008, -1.5491, 790000},
    {"Glasgow", "Scotland", 55.8642, -4.2518, 630000},
    {"Sheffield", "Yorkshire and the Humber", 53.3811, -1.4701, 580000},
    {"Manchester", "North West", 53.4808, -2.2426, 550000},
    {"Edinburgh", "Scotland", 55.9533, -3.1883, 520000},
    {"Liverpool", "North West", 53.4084, -2.9916, 500000},
    {"Bristol", "South West", 51.4545, -2.5879, 460000},
    {"Cardiff", "Wales", 51.4816, -3.1791, 360000},
    {"Leicester", "East Midlands", 52.6369, -1.1398, 350000},
    {"Belfast", "Northern Ireland", 54.5973, -5.9301, 340000},
    {"Nottingham", "East Midlands", 52.9548, -1.1581, 330000},
    {"Newcastle upon Tyne", "North East", 54.9783, -1.6178, 300000},
    {"Brighton", "South East", 50.8225, -0.1372, 290000},
    {"Kingston upon Hull", "Yorkshire and the Humber", 53.7676, -0.3274, 260000},
    {"Plymouth", "South West", 50.3755, -4.1427, 260000},
    {"Southampton", "South East", 50.9097, -1.4044, 250000},
    {"Swansea", "Wales", 51.6214, -3.9436, 245000},
    {"Aberdeen", "Scotland", 57.1497, -2.0943, 200000},
    {"Norwich", "East of England", 52.6309, 1.2974, 140000},
    {"Cambridge", "East of England", 52.2053, 0.1218, 125000},
}};
constexpr std::array<DefenceSite, 4> kGbDefence = {{
    {"Catterick Garrison", 54.3800, -1.7130, false},
    {"Salisbury Plain Training Area (Larkhill)", 51.2000, -1.8100, false},
    {"HM Naval Base Clyde (Faslane)", 56.0680, -4.8200, false},
    {"Ministry of Defence Main Building", 51.5036, -0.1248, true},
}};

// Germany: regions are the Länder.
constexpr std::array<City, 22> kDeCities = {{
    {"Berlin", "Berlin", 52.5200, 13.4050, 3650000},
    {"Hamburg", "Hamburg", 53.5511, 9.9937, 1840000},
    {"Munich", "Bavaria", 48.1351, 11.5820, 1470000},
    {"Cologne", "North Rhine-Westphalia", 50.9375, 6.9603, 1080000},
    {"Frankfurt am Main", "Hesse", 50.1109, 8.6821, 750000},
    {"Stuttgart", "Baden-Württemberg", 48.7758, 9.1829, 630000},
    {"Düsseldorf", "North Rhine-Westphalia", 51.2277, 6.7735, 620000},
    {"Leipzig", "Saxony", 51.3397, 12.3731, 590000},
    {"Dortmund", "North Rhine-Westphalia", 51.5136, 7.4653, 590000},
    {"Essen", "North Rhine-Westphalia", 51.4556, 7.0116, 580000},
    {"Bremen", "Bremen", 53.0793, 8.8017, 570000},
    {"Dresden", "Saxony", 51.0504, 13.7373, 555000},
    {"Hanover", "Lower Saxony", 52.3759, 9.7320, 535000},
    {"Nuremberg", "Bavaria", 49.4521, 11.0767, 515000},
    {"Duisburg", "North Rhine-Westphalia", 51.4344, 6.7623, 500000},
    {"Kiel", "Schleswig-Holstein", 54.3233, 10.1228, 247000},
    {"Magdeburg", "Saxony-Anhalt", 52.1205, 11.6276, 238000},
    {"Mainz", "Rhineland-Palatinate", 49.9929, 8.2473, 218000},
    {"Erfurt", "Thuringia", 50.9848, 11.0299, 213000},
    {"Rostock", "Mecklenburg-Western Pomerania", 54.0924, 12.0991, 209000},
    {"Saarbrücken", "Saarland", 49.2402, 6.9969, 180000},
    {"Potsdam", "Brandenburg", 52.3906, 13.0645, 178000},
}};
constexpr std::array<DefenceSite, 4> kDeDefence = {{
    {"Munster Training Area", 52.9900, 10.0900, false},
    {"Wilhelmshaven naval base", 53.5200, 8.1300, false},
    {"Bundeswehr Operations Command (Schwielowsee)", 52.3600, 12.9400, false},
    {"Federal Ministry of Defence (Bonn Hardthöhe)", 50.7000, 7.0500, true},
}};

// United States (contiguous): regions are the states.
constexpr std::array<City, 25> kUsCities = {{
    {"New York", "New York", 40.7128, -74.0060, 8400000},
    {"Los Angeles", "California", 34.0522, -118.2437, 3980000},
    {"Chicago", "Illinois", 41.8781, -87.6298, 2700000},
    {"Houston", "Texas", 29.7604, -95.3698, 2320000},
    {"Phoenix", "Arizona", 33.4484, -112.0740, 1680000},
    {"Philadelphia", "Pennsylvania", 39.9526, -75.1652, 1580000},
    {"San Antonio", "Texas", 29.4241, -98.4936, 1530000},
    {"San Diego", "California", 32.7157, -117.1611, 1420000},
    {"Dallas", "Texas", 32.7767, -96.7970, 1340000},
    {"San Jose", "California", 37.3382, -121.8863, 1020000},
    {"Austin", "Texas", 30.2672, -97.7431, 960000},
    {"Jacksonville", "Florida", 30.3322, -81.6557, 900000},
    {"Columbus", "Ohio", 39.9612, -82.9988, 890000},
    {"San Francisco", "California", 37.7749, -122.4194, 880000},
    {"Charlotte", "North Carolina", 35.2271, -80.8431, 870000},
    {"Indianapolis", "Indiana", 39.7684, -86.1581, 870000},
    {"Seattle", "Washington", 47.6062, -122.3321, 750000},
    {"Denver", "Colorado", 39.7392, -104.9903, 720000},
    {"Washington", "District of Columbia", 38.9072, -77.0369, 700000},
    {"Boston", "Massachusetts", 42.3601, -71.0589, 690000},
    {"Detroit", "Michigan", 42.3314, -83.0458, 670000},
    {"Nashville", "Tennessee", 36.1627, -86.7816, 670000},
    {"Atlanta", "Georgia", 33.7490, -84.3880, 500000},
    {"Miami", "Florida", 25.7617, -80.1918, 470000},
    {"Minneapolis", "Minnesota", 44.9778, -93.2650, 430000},
}};
constexpr std::array<DefenceSite, 4> kUsDefence = {{
    {"Fort Bragg", 35.1390, -79.0060, false},
    {"Naval Station Norfolk", 36.9460, -76.3030, false},
    {"Fort Hood", 31.1340, -97.7760, false},
    {"The Pentagon", 38.8710, -77.0560, true},
}};

// Canada: regions are the provinces.
constexpr std::array<City, 16> kCaCities = {{
    {"Toronto", "Ontario", 43.6532, -79.3832, 2930000},
    {"Montreal", "Quebec", 45.5017, -73.5673, 1780000},
    {"Calgary", "Alberta", 51.0447, -114.0719, 1340000},
    {"Ottawa", "Ontario", 45.4215, -75.6972, 1000000},
    {"Edmonton", "Alberta", 53.5461, -113.4938, 980000},
    {"Winnipeg", "Manitoba", 49.8951, -97.1384, 750000},
    {"Vancouver", "British Columbia", 49.2827, -123.1207, 675000},
    {"Hamilton", "Ontario", 43.2557, -79.8711, 570000},
    {"Quebec City", "Quebec", 46.8139, -71.2080, 550000},
    {"Halifax", "Nova Scotia", 44.6488, -63.5752, 430000},
    {"London", "Ontario", 42.9849, -81.2453, 400000},
    {"Victoria", "British Columbia", 48.4284, -123.3656, 370000},
    {"Saskatoon", "Saskatchewan", 52.1332, -106.6700, 270000},
    {"Regina", "Saskatchewan", 50.4452, -104.6189, 230000},
    {"Windsor", "Ontario", 42.3149, -83.0364, 230000},
    {"St. John's", "Newfoundland and Labrador", 47.5615, -52.7126, 110000},
}};
constexpr std::array<DefenceSite, 4> kCaDefence = {{
    {"CFB Petawawa", 45.9300, -77.3200, false},
    {"CFB Halifax", 44.6600, -63.5900, false},
    {"CFB Esquimalt", 48.4300, -123.4300, false},
    {"National Defence Headquarters (Carling)", 45.3500, -75.6400, true},
}};

// Latvia: regions are the planning regions.
constexpr std::array<City, 13> kLvCities = {{
    {"Riga", "Riga", 56.9496, 24.1052, 630000},
    {"Daugavpils", "Latgale", 55.8747, 26.5362, 82000},
    {"Liepāja", "Kurzeme", 56.5047, 21.0108, 68000},
    {"Jelgava", "Zemgale", 56.6511, 23.7214, 56000},
    {"Jūrmala", "Riga", 56.9680, 23.7704, 50000},
    {"Ventspils", "Kurzeme", 57.3948, 21.5645, 34000},
    {"Rēzekne", "Latgale", 56.5099, 27.3340, 27000},
    {"Valmiera", "Vidzeme", 57.5385, 25.4264, 23000},
    {"Ogre", "Riga", 56.8162, 24.6140, 23000},
    {"Jēkabpils", "Zemgale", 56.4990, 25.8570, 22000},
    {"Tukums", "Kurzeme", 56.9671, 23.1554, 17000},
    {"Salaspils", "Riga", 56.8614, 24.3497, 17000},
    {"Cēsis", "Vidzeme", 57.3119, 25.2706, 15000},
}};
constexpr std::array<DefenceSite, 4> kLvDefence = {{
    {"Ādaži military base", 57.0900, 24.3900, false},
    {"Lielvārde Air Base", 56.7760, 24.8530, false},
    {"Liepāja naval base", 56.5300, 21.0200, false},
    {"Ministry of Defence (Riga)", 56.9580, 24.1180, true},
}};

// Sweden: regions are the counties (län).
constexpr std::array<City, 15> kSeCities = {{
    {"Stockholm", "Stockholm", 59.3293, 18.0686, 975000},
    {"Gothenburg", "Västra Götaland", 57.7089, 11.9746, 580000},
    {"Malmö", "Skåne", 55.6050, 13.0038, 350000},
    {"Uppsala", "Uppsala", 59.8586, 17.6389, 230000},
    {"Västerås", "Västmanland", 59.6099, 16.5448, 128000},
    {"Örebro", "Örebro", 59.2753, 15.2134, 126000},
    {"Linköping", "Östergötland", 58.4108, 15.6214, 115000},
    {"Helsingborg", "Skåne", 56.0465, 12.6945, 113000},
    {"Jönköping", "Jönköping", 57.7826, 14.1618, 98000},
    {"Norrköping", "Östergötland", 58.5877, 16.1924, 95000},
    {"Lund", "Skåne", 55.7047, 13.1910, 94000},
    {"Umeå", "Västerbotten", 63.8258, 20.2630, 90000},
    {"Gävle", "Gävleborg", 60.6749, 17.1413, 78000},
    {"Sundsvall", "Västernorrland", 62.3908, 17.3069, 58000},
    {"Luleå", "Norrbotten", 65.5848, 22.1547, 48000},
}};
constexpr std::array<DefenceSite, 4> kSeDefence = {{
    {"Karlsborg garrison", 58.5400, 14.5100, false},
    {"Muskö naval base", 58.9900, 18.1100, false},
    {"Luleå-Kallax Air Base (F 21)", 65.5400, 22.1200, false},
    {"Swedish Armed Forces Headquarters (Stockholm)", 59.3300, 18.1000, true},
}};

// Illustrative mid-2019 mixes (see the header comment; not real inventories).
constexpr std::array<CountryProfile, 6> kCountries = {{
    {"CA", "Canada", 41.7, -141.0, 70.0, -52.6, 60, kCaCities, 3, kCaDefence,
     "ran=huawei:0.4,ericsson:0.4,nokia:0.2 transport=cisco:0.5,juniper:0.2,huawei:0.2,ciena:0.1 "
     "core=ericsson:0.6,nokia:0.4 management=ericsson:0.5,cisco:0.5 edge=nokia:1",
     "Canadian mobile operator (synthetic)"},
    {"DE", "Germany", 47.3, 5.9, 55.1, 15.0, 30, kDeCities, 0, kDeDefence,
     "ran=huawei:0.5,ericsson:0.3,nokia:0.2 transport=cisco:0.4,huawei:0.3,juniper:0.2,nokia:0.1 "
     "core=ericsson:0.6,nokia:0.4 management=ericsson:0.5,cisco:0.5 edge=nokia:1",
     "German mobile operator (synthetic)"},
    {"GB", "United Kingdom", 49.9, -8.2, 60.9, 1.8, 20, kGbCities, 0, kGbDefence,
     "ran=huawei:0.35,ericsson:0.4,nokia:0.25 transport=cisco:0.5,juniper:0.2,huawei:0.2,ciena:0.1 "
     "core=ericsson:0.6,nokia:0.4 management=ericsson:0.5,cisco:0.5 edge=nokia:1",
     "UK mobile operator (synthetic)"},
    {"LV", "Latvia", 55.67, 20.97, 58.09, 28.24, 25, kLvCities, 0, kLvDefence,
     "ran=huawei:0.5,ericsson:0.3,nokia:0.2 transport=huawei:0.3,cisco:0.5,nokia:0.2 "
     "core=ericsson:0.7,nokia:0.3 management=ericsson:0.5,cisco:0.5 edge=nokia:1",
     "Latvian mobile operator (synthetic)"},
    {"SE", "Sweden", 55.3, 11.0, 69.1, 24.2, 40, kSeCities, 0, kSeDefence,
     "ran=ericsson:0.6,huawei:0.25,nokia:0.15 transport=cisco:0.5,juniper:0.3,nokia:0.2 "
     "core=ericsson:0.7,nokia:0.3 management=ericsson:0.5,cisco:0.5 edge=nokia:1",
     "Swedish mobile operator (synthetic)"},
    {"US", "United States", 24.5, -124.8, 49.4, -66.9, 80, kUsCities, 18, kUsDefence,
     "ran=ericsson:0.55,nokia:0.35,samsung:0.1 transport=cisco:0.5,juniper:0.35,ciena:0.15 "
     "core=ericsson:0.5,nokia:0.3,cisco:0.2 management=ericsson:0.5,cisco:0.5 edge=nokia:1",
     "US mobile operator (synthetic)"},
}};

}  // namespace

std::span<const CountryProfile> Countries() { return kCountries; }

const CountryProfile* FindCountry(std::string_view code) {
  for (const CountryProfile& profile : kCountries) {
    if (profile.code == code) return &profile;
  }
  return nullptr;
}

}  // namespace redoubt::gen
