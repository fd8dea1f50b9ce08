/*
 * core/countries.c - country names in the forms records use.
 *
 * Records name countries in English, Spanish, French and Portuguese, in Chinese (award
 * forms give the member state as 葡萄牙), and through demonyms ("the Portuguese
 * government").  Every form maps to one English short name, which is what actors and
 * records carry, so that "Portugal", "葡萄牙" and "Portuguese" meet.
 */
#include <pthread.h>
#include <string.h>

#include "internal.h"
#include "vocabulary.h"

typedef struct country {
    const char *name;    /* English short name, as stored on actors */
    const char *demonym; /* English adjective; NULL when none is common */
    const char *forms;   /* other names, '|'-separated, in any language or script */
} country;

static const country countries[] = {
    {"Afghanistan", "Afghan", "阿富汗|Afganistán"},
    {"Albania", "Albanian", "阿尔巴尼亚|Albanie"},
    {"Algeria", "Algerian", "阿尔及利亚|Argelia|Algérie|Argélia"},
    {"Angola", "Angolan", "安哥拉"},
    {"Argentina", "Argentine", "阿根廷|Argentine|Argentinian"},
    {"Armenia", "Armenian", "亚美尼亚|Arménie"},
    {"Australia", "Australian", "澳大利亚|Australie|Austrália"},
    {"Austria", "Austrian", "奥地利|Autriche|Áustria"},
    {"Azerbaijan", "Azerbaijani", "阿塞拜疆|Azerbaiyán|Azerbaïdjan"},
    {"Bahrain", "Bahraini", "巴林|Bahréin|Bahreïn"},
    {"Bangladesh", "Bangladeshi", "孟加拉国"},
    {"Barbados", "Barbadian", "巴巴多斯|Barbade"},
    {"Belarus", "Belarusian", "白俄罗斯|Bielorrusia|Biélorussie"},
    {"Belgium", "Belgian", "比利时|Bélgica|Belgique"},
    {"Benin", "Beninese", "贝宁|Benín|Bénin"},
    {"Bhutan", "Bhutanese", "不丹|Bután|Bhoutan|Butão"},
    {"Bolivia", "Bolivian", "玻利维亚|Bolivie|Bolívia|Plurinational State of Bolivia"},
    {"Bosnia and Herzegovina", NULL, "波斯尼亚和黑塞哥维那|Bosnia y Herzegovina|Bosnie-Herzégovine|Federation of Bosnia and Herzegovina|BiH"},
    {"Botswana", NULL, "博茨瓦纳"},
    {"Brazil", "Brazilian", "巴西|Brasil|Brésil"},
    {"Bulgaria", "Bulgarian", "保加利亚|Bulgarie"},
    {"Burkina Faso", "Burkinabe", "布基纳法索"},
    {"Burundi", "Burundian", "布隆迪"},
    {"Cambodia", "Cambodian", "柬埔寨|Camboya|Cambodge|Camboja"},
    {"Cameroon", "Cameroonian", "喀麦隆|Camerún|Cameroun|Camarões"},
    {"Canada", "Canadian", "加拿大|Canadá"},
    {"Cape Verde", "Cape Verdean", "佛得角|Cabo Verde|Cap-Vert"},
    {"Chad", "Chadian", "乍得|Chad|Tchad|Chade"},
    {"Chile", "Chilean", "智利|Chili"},
    {"China", "Chinese", "中国|Chine"},
    {"Colombia", "Colombian", "哥伦比亚|Colombie|Colômbia"},
    {"Costa Rica", "Costa Rican", "哥斯达黎加"},
    {"Croatia", "Croatian", "克罗地亚|Croacia|Croatie|Croácia"},
    {"Cuba", "Cuban", "古巴"},
    {"Cyprus", "Cypriot", "塞浦路斯|Chipre|Chypre"},
    {"Czech Republic", "Czech", "捷克|Czechia|República Checa|Tchéquie"},
    {"Democratic Republic of the Congo", "Congolese", "刚果民主共和国|DRC|DR Congo|República Democrática del Congo|République démocratique du Congo"},
    {"Denmark", "Danish", "丹麦|Dinamarca|Danemark"},
    {"Djibouti", NULL, "吉布提|Yibuti"},
    {"Dominican Republic", "Dominican", "多米尼加共和国|República Dominicana|République dominicaine"},
    {"Ecuador", "Ecuadorian", "厄瓜多尔|Équateur|Equador"},
    {"Egypt", "Egyptian", "埃及|Egipto|Égypte|Egito"},
    {"El Salvador", "Salvadoran", "萨尔瓦多|Salvador"},
    {"Estonia", "Estonian", "爱沙尼亚|Estonie|Estónia"},
    {"Eswatini", NULL, "斯威士兰|Swaziland"},
    {"Ethiopia", "Ethiopian", "埃塞俄比亚|Etiopía|Éthiopie|Etiópia"},
    {"Fiji", "Fijian", "斐济|Fiyi|Fidji"},
    {"Finland", "Finnish", "芬兰|Finlandia|Finlande|Finlândia"},
    {"France", "French", "法国|Francia|França"},
    {"Gabon", "Gabonese", "加蓬|Gabón|Gabão"},
    {"Georgia", "Georgian", "格鲁吉亚|Géorgie|Geórgia"},
    {"Germany", "German", "德国|Alemania|Allemagne|Alemanha|Deutschland"},
    {"Ghana", "Ghanaian", "加纳"},
    {"Greece", "Greek", "希腊|Grecia|Grèce|Grécia"},
    {"Guatemala", "Guatemalan", "危地马拉"},
    {"Guinea", "Guinean", "几内亚|Guinée|Guiné"},
    {"Guinea-Bissau", NULL, "几内亚比绍|Guinée-Bissau|Guiné-Bissau"},
    {"Haiti", "Haitian", "海地|Haití|Haïti"},
    {"Honduras", "Honduran", "洪都拉斯"},
    {"Hungary", "Hungarian", "匈牙利|Hungría|Hongrie|Hungria"},
    {"India", "Indian", "印度|Inde|Índia"},
    {"Indonesia", "Indonesian", "印度尼西亚|Indonésie|Indonésia"},
    {"Iran", "Iranian", "伊朗|Irán"},
    {"Iraq", "Iraqi", "伊拉克|Irak|Iraque"},
    {"Ireland", "Irish", "爱尔兰|Irlanda|Irlande"},
    {"Israel", "Israeli", "以色列|Israël"},
    {"Italy", "Italian", "意大利|Italia|Italie|Itália"},
    {"Ivory Coast", "Ivorian", "科特迪瓦|Côte d'Ivoire|Costa de Marfil|Costa do Marfim"},
    {"Jamaica", "Jamaican", "牙买加|Jamaïque"},
    {"Japan", "Japanese", "日本|Japón|Japon|Japão"},
    {"Jordan", "Jordanian", "约旦|Jordania|Jordanie|Jordânia"},
    {"Kazakhstan", "Kazakh", "哈萨克斯坦|Kazajistán"},
    {"Kenya", "Kenyan", "肯尼亚|Kenia|Quênia"},
    {"Kosovo", "Kosovar", "科索沃"},
    {"Kyrgyzstan", "Kyrgyz", "吉尔吉斯斯坦|Kirguistán|Kirghizistan|Kyrgyz Republic"},
    {"Laos", "Lao", "老挝|Lao PDR|Lao People's Democratic Republic"},
    {"Latvia", "Latvian", "拉脱维亚|Letonia|Lettonie"},
    {"Lebanon", "Lebanese", "黎巴嫩|Líbano|Liban"},
    {"Lesotho", NULL, "莱索托"},
    {"Liberia", "Liberian", "利比里亚|Libéria"},
    {"Libya", "Libyan", "利比亚|Libia|Libye|Líbia"},
    {"Lithuania", "Lithuanian", "立陶宛|Lituania|Lituanie"},
    {"Madagascar", "Malagasy", "马达加斯加"},
    {"Malawi", "Malawian", "马拉维"},
    {"Malaysia", "Malaysian", "马来西亚|Malasia|Malaisie"},
    {"Mali", "Malian", "马里"},
    {"Mauritania", "Mauritanian", "毛里塔尼亚|Mauritanie|Mauritânia"},
    {"Mauritius", "Mauritian", "毛里求斯|Mauricio|Maurice"},
    {"Mexico", "Mexican", "墨西哥|México|Mexique"},
    {"Moldova", "Moldovan", "摩尔多瓦|Moldavia|Moldavie|Republic of Moldova"},
    {"Mongolia", "Mongolian", "蒙古|Mongolie|Mongólia"},
    {"Montenegro", "Montenegrin", "黑山|Monténégro"},
    {"Morocco", "Moroccan", "摩洛哥|Marruecos|Maroc|Marrocos"},
    {"Mozambique", "Mozambican", "莫桑比克|Moçambique"},
    {"Namibia", "Namibian", "纳米比亚|Namibie"},
    {"Nepal", "Nepali", "尼泊尔|Népal"},
    {"Netherlands", "Dutch", "荷兰|Países Bajos|Pays-Bas|Países Baixos"},
    {"New Zealand", NULL, "新西兰|Nueva Zelanda|Nouvelle-Zélande"},
    {"Nicaragua", "Nicaraguan", "尼加拉瓜"},
    {"Niger", "Nigerien", "尼日尔|Níger"},
    {"Nigeria", "Nigerian", "尼日利亚|Nigéria"},
    {"North Macedonia", "Macedonian", "北马其顿|Macedonia del Norte|Macédoine du Nord|Macedonia"},
    {"Norway", "Norwegian", "挪威|Noruega|Norvège"},
    {"Pakistan", "Pakistani", "巴基斯坦|Pakistán|Paquistão"},
    {"Palestine", "Palestinian", "巴勒斯坦|Palestina|State of Palestine"},
    {"Panama", "Panamanian", "巴拿马|Panamá"},
    {"Papua New Guinea", NULL, "巴布亚新几内亚|Papúa Nueva Guinea"},
    {"Paraguay", "Paraguayan", "巴拉圭|Paraguai"},
    {"Peru", "Peruvian", "秘鲁|Perú|Pérou"},
    {"Philippines", "Filipino", "菲律宾|Filipinas"},
    {"Poland", "Polish", "波兰|Polonia|Pologne|Polónia"},
    {"Portugal", "Portuguese", "葡萄牙"},
    {"Qatar", "Qatari", "卡塔尔|Catar"},
    {"Republic of the Congo", NULL, "刚果|Congo|Congo-Brazzaville|República del Congo|République du Congo"},
    {"Romania", "Romanian", "罗马尼亚|Rumania|Roumanie|Roménia"},
    {"Russia", "Russian", "俄罗斯|Rusia|Russie|Rússia|Russian Federation"},
    {"Rwanda", "Rwandan", "卢旺达|Ruanda"},
    {"Samoa", "Samoan", "萨摩亚"},
    {"Saudi Arabia", "Saudi", "沙特阿拉伯|Arabia Saudita|Arabie saoudite|Arábia Saudita|Kingdom of Saudi Arabia|KSA"},
    {"Senegal", "Senegalese", "塞内加尔|Sénégal"},
    {"Serbia", "Serbian", "塞尔维亚|Serbie|Sérvia"},
    {"Sierra Leone", NULL, "塞拉利昂|Serra Leoa"},
    {"Singapore", "Singaporean", "新加坡|Singapur|Singapour"},
    {"Slovakia", "Slovak", "斯洛伐克|Eslovaquia|Slovaquie"},
    {"Slovenia", "Slovenian", "斯洛文尼亚|Eslovenia|Slovénie|Eslovénia"},
    {"Somalia", "Somali", "索马里|Somalie"},
    {"South Africa", "South African", "南非|Sudáfrica|Afrique du Sud|África do Sul"},
    {"South Korea", "Korean", "韩国|大韩民国|Republic of Korea|Corea del Sur|Corée du Sud"},
    {"South Sudan", NULL, "南苏丹|Sudán del Sur|Soudan du Sud"},
    {"Spain", "Spanish", "西班牙|España|Espagne|Espanha"},
    {"Sri Lanka", "Sri Lankan", "斯里兰卡"},
    {"Sudan", "Sudanese", "苏丹|Sudán|Soudan|Sudão"},
    {"Sweden", "Swedish", "瑞典|Suecia|Suède|Suécia"},
    {"Switzerland", "Swiss", "瑞士|Suiza|Suisse|Suíça"},
    {"Syria", "Syrian", "叙利亚|Siria|Syrie|Síria|Syrian Arab Republic"},
    {"Tajikistan", "Tajik", "塔吉克斯坦|Tayikistán"},
    {"Tanzania", "Tanzanian", "坦桑尼亚|Tanzanie|Tanzânia|United Republic of Tanzania"},
    {"Thailand", "Thai", "泰国|Tailandia|Thaïlande|Tailândia"},
    {"Timor-Leste", NULL, "东帝汶|East Timor"},
    {"Togo", "Togolese", "多哥"},
    {"Trinidad and Tobago", NULL, "特立尼达和多巴哥|Trinidad y Tobago|Trinité-et-Tobago"},
    {"Tunisia", "Tunisian", "突尼斯|Túnez|Tunisie|Tunísia"},
    {"Turkey", "Turkish", "土耳其|Türkiye|Turquía|Turquie|Turquia"},
    {"Turkmenistan", "Turkmen", "土库曼斯坦"},
    {"Uganda", "Ugandan", "乌干达|Ouganda"},
    {"Ukraine", "Ukrainian", "乌克兰|Ucrania|Ucrânia"},
    {"United Arab Emirates", "Emirati", "阿拉伯联合酋长国|阿联酋|UAE|Emiratos Árabes Unidos|Émirats arabes unis"},
    {"United Kingdom", "British", "英国|UK|Reino Unido|Royaume-Uni|Great Britain"},
    {"United States", "American", "美国|USA|United States of America|Estados Unidos|États-Unis"},
    {"Uruguay", "Uruguayan", "乌拉圭|Uruguai"},
    {"Uzbekistan", "Uzbek", "乌兹别克斯坦|Uzbekistán|Ouzbékistan"},
    {"Venezuela", "Venezuelan", "委内瑞拉"},
    {"Viet Nam", "Vietnamese", "越南|Vietnam"},
    {"Yemen", "Yemeni", "也门|Yémen|Iêmen"},
    {"Zambia", "Zambian", "赞比亚|Zambie|Zâmbia"},
    {"Zimbabwe", "Zimbabwean", "津巴布韦"},
    {NULL, NULL, NULL}};

/* ---- Lookup ----------------------------------------------------------------------------- */

/* Folded forms are hashed once, on first use, so that looking up a word costs one fold and
 * one probe whatever the size of the table. */
static eco_i_map by_form, by_demonym;
static int lookup_ready;
static pthread_once_t lookup_once = PTHREAD_ONCE_INIT;

static void put_form(eco_i_map *map, const char *form, size_t len, size_t index)
{
    uint64_t key = eco_i_fold_hash(form, len);
    if (key && eco_i_map_put(map, key, index) < 0)
        lookup_ready = -1;
}

static void build_lookup(void)
{
    lookup_ready = 1;
    for (size_t i = 0; countries[i].name; i++) {
        put_form(&by_form, countries[i].name, strlen(countries[i].name), i);
        for (const char *f = countries[i].forms; *f;) {
            size_t len = strcspn(f, "|");
            put_form(&by_form, f, len, i);
            f += len + (f[len] == '|');
        }
        if (countries[i].demonym)
            put_form(&by_demonym, countries[i].demonym, strlen(countries[i].demonym), i);
    }
}

static const char *lookup(const eco_i_map *map, const char *text, size_t len)
{
    size_t index;
    uint64_t key;

    if (pthread_once(&lookup_once, build_lookup) != 0 || lookup_ready < 0)
        return NULL;
    if (len == 0 || len >= 128 || (key = eco_i_fold_hash(text, len)) == 0)
        return NULL;
    return eco_i_map_get(map, key, &index) ? countries[index].name : NULL;
}

const char *eco_i_country_name(const char *text, size_t len)
{
    return lookup(&by_form, text, len);
}

const char *eco_i_country_of_demonym(const char *text, size_t len)
{
    return lookup(&by_demonym, text, len);
}

const char *eco_i_country_in_name(const char *name)
{
    const char *space = strchr(name, ' '), *c, *of;

    if (space && (c = eco_i_country_of_demonym(name, (size_t)(space - name))))
        return c;
    for (of = strstr(name, " of "); of; of = strstr(of + 1, " of ")) {
        const char *rest = of + 4;
        if (strncmp(rest, "the ", 4) == 0)
            rest += 4;
        if ((c = eco_i_country_name(rest, strlen(rest))))
            return c;
    }
    return NULL;
}
