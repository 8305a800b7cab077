"""The words of what the plan measurably holds and of the coach's advice, in the seven languages.

Sentences about volume, lighter weeks and the taper are filled with figures measured from the written weeks
(`planforge.offline.engine.text.measured`). Session notes (strength exercises, fuelling, climbing) are words the
draft parser reads past: they add no number, so a session still reads back to the same workout.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from planforge.domain.vocabulary import Language


@dataclass(frozen=True)
class Notes:
    """Measured sentences, phase texts for plans without hard sessions, advice and session notes."""

    growth: str
    """"Volume grows from about {start} to {peak} a week; no week is more than {rise}% above …"."""
    steady: str
    """"Volume stays at about {start} a week"."""
    lighter: str
    """A `counted` template: "[Week {weeks} is|Weeks {weeks} are] lighter …"."""
    taper_easy: str
    """A `counted` taper sentence for a plan without hard sessions."""
    phase_easy: dict[str, str]
    """Phase descriptions (build, peak, taper) when the phase holds no hard session."""
    focus_easy: dict[str, str]
    """Week focus (build, peak, taper) when the week holds no hard session."""
    strength: str
    """A runner's general strength circuit."""
    strength_calf: str
    """The calf and Achilles exercises, first when the athlete states such a caution."""
    fuelling: str
    """Session note on long sessions over two hours."""
    climbing: str
    """Session note on a trail plan's long runs when the race has climbing."""
    pain_rule: str
    achilles: str
    achilles_strength: str
    """How to do the calf work, when the plan has strength sessions."""
    medical: str
    masters: str
    """Recovery advice for an athlete of 50 or over."""
    shoes: str
    fuelling_advice: str
    trail_advice: str
    """With {elevation}."""
    swim_novice: str
    paces_training: str = "Training paces: threshold {threshold}; easy {easy}."
    """The paces sentence without a race pace (no goal time given, or a trail race, where a road pace means little)."""
    paces_result: str = "From your race result: race pace about {race}; threshold {threshold}; easy {easy}."
    """The paces sentence when the race pace is a prediction from a race result, not a goal."""
    swim_words: tuple[str, str, str, str] = ("warm-up", "drills", " w/ {r} rest", "cool-down")
    """A swim set's words: warm-up, drills, the rest after each repeat, cool-down."""


NOTES: Final[dict[Language, Notes]] = {
    "en": Notes(
        growth="Volume grows from about {start} to {peak} a week, no week more than {rise}% above the biggest"
        " week before it.",
        steady="Volume stays at about {start} a week.",
        lighter="[Week {weeks} is|Weeks {weeks} are] lighter, to absorb the work.",
        taper_easy="[The last week is|The last {weeks} weeks are] lighter, so you arrive fresh on race day.",
        phase_easy={
            "build": "Volume grows with easy, conversational sessions; no hard sessions.",
            "peak": "The plan's biggest weeks, still at easy effort.",
            "taper": "Volume drops so you arrive fresh.",
        },
        focus_easy={"build": "Building volume", "peak": "Biggest weeks", "taper": "Less volume, fresh legs"},
        strength="squats, lunges, glute bridges, plank, side plank",
        strength_calf="calf raises, eccentric heel drops",
        fuelling="practise fuelling and drinking",
        climbing="power-hike the steep climbs, run the descents relaxed",
        pain_rule="Pain rule: mild discomfort up to 3 out of 10 that settles by the next morning is fine; if pain"
        " goes above that, or you limp, skip the next session and see a physiotherapist if it persists.",
        achilles="Check your Achilles every morning: if it is stiffer than usual, replace the next run with rest"
        " or cycling.",
        achilles_strength="Do the calf raises and heel drops slowly.",
        medical="Get a check-up with your doctor before you start.",
        masters="Recovery takes longer from 50 on: keep the easy days truly easy, sleep well, and add a rest day"
        " when your legs stay heavy.",
        shoes="Run in well-fitting running shoes, on soft surfaces where you can; walk breaks are always allowed.",
        fuelling_advice="On sessions over 2 hours, practise eating and drinking as on race day (about 30–60 g of"
        " carbohydrate an hour).",
        trail_advice="The race has {elevation} m of climbing: practise power-hiking steep climbs and relaxed,"
        " controlled descents on your long runs, on hilly trails where you can.",
        swim_novice="Swims build from drills and short lengths with rest at the wall; an open-water swim in your"
        " wetsuit before race day is a must.",
    ),
    "de": Notes(
        growth="Der Umfang steigt von etwa {start} auf {peak} pro Woche, keine Woche mehr als {rise}% über der"
        " größten Woche davor.",
        steady="Der Umfang bleibt bei etwa {start} pro Woche.",
        lighter="[Woche {weeks} ist|Die Wochen {weeks} sind] leichter, damit sich der Körper erholt.",
        taper_easy="[Die letzte Woche ist|Die letzten {weeks} Wochen sind] leichter, damit du frisch an den"
        " Start gehst.",
        phase_easy={
            "build": "Der Umfang wächst mit lockeren Einheiten im Gesprächstempo; keine harten Einheiten.",
            "peak": "Die umfangreichsten Wochen des Plans, weiter locker.",
            "taper": "Der Umfang sinkt, damit du frisch ankommst.",
        },
        focus_easy={
            "build": "Umfang aufbauen",
            "peak": "Umfangreichste Wochen",
            "taper": "Weniger Umfang, frische Beine",
        },
        strength="Kniebeugen, Ausfallschritte, Beckenheben, Unterarmstütz, seitlicher Stütz",
        strength_calf="Wadenheben, exzentrisches Fersenabsenken",
        fuelling="Verpflegung üben",
        climbing="steile Anstiege zügig gehen, bergab locker laufen",
        pain_rule="Schmerzregel: leichte Beschwerden bis 3 von 10, die bis zum nächsten Morgen abklingen, sind in"
        " Ordnung; bei stärkeren Schmerzen oder Hinken die nächste Einheit auslassen und bei Bedarf zum"
        " Physiotherapeuten.",
        achilles="Prüfe jeden Morgen deine Achillessehne: ist sie steifer als sonst, ersetze den nächsten Lauf"
        " durch Ruhe oder Radfahren.",
        achilles_strength="Wadenheben und Fersenabsenken langsam ausführen.",
        medical="Lass dich vor dem Start ärztlich untersuchen.",
        masters="Ab 50 dauert die Erholung länger: lockere Tage wirklich locker halten, gut schlafen und einen"
        " Ruhetag einschieben, wenn die Beine schwer bleiben.",
        shoes="Laufe in gut passenden Laufschuhen, wenn möglich auf weichem Untergrund; Gehpausen sind immer erlaubt.",
        fuelling_advice="Übe bei Einheiten über 2 Stunden Essen und Trinken wie am Wettkampftag (etwa 30–60 g"
        " Kohlenhydrate pro Stunde).",
        trail_advice="Das Rennen hat {elevation} Höhenmeter: übe auf deinen langen Läufen zügiges Gehen an steilen"
        " Anstiegen und kontrolliertes Bergablaufen, wenn möglich auf hügeligen Trails.",
        swim_novice="Die Schwimmeinheiten beginnen mit Technikübungen und kurzen Bahnen mit Pausen am Rand; vor dem"
        " Wettkampf unbedingt einmal im Freiwasser mit Neoprenanzug schwimmen.",
        paces_training="Trainingstempi: Schwelle {threshold}; locker {easy}.",
        paces_result="Aus deinem Wettkampfergebnis: Renntempo etwa {race}; Schwelle {threshold}; locker {easy}.",
        swim_words=("Warm-up", "Technik", " mit {r} Pause", "Cool-down"),
    ),
    "fr": Notes(
        growth="Le volume passe d'environ {start} à {peak} par semaine, aucune semaine à plus de {rise} % au-dessus"
        " de la plus grosse semaine précédente.",
        steady="Le volume reste d'environ {start} par semaine.",
        lighter="[La semaine {weeks} est allégée|Les semaines {weeks} sont allégées] pour assimiler le travail.",
        taper_easy="[La dernière semaine est allégée|Les {weeks} dernières semaines sont allégées] pour arriver"
        " frais le jour de la course.",
        phase_easy={
            "build": "Le volume augmente avec des séances faciles en aisance respiratoire ; pas de séance dure.",
            "peak": "Les plus grosses semaines du plan, toujours en endurance facile.",
            "taper": "Le volume baisse pour arriver frais.",
        },
        focus_easy={
            "build": "Construire le volume",
            "peak": "Plus grosses semaines",
            "taper": "Moins de volume, jambes fraîches",
        },
        strength="squats, fentes, pont fessier, gainage, gainage latéral",
        strength_calf="montées sur pointes, descentes excentriques du talon",
        fuelling="tester le ravitaillement",
        climbing="marcher vite dans les montées raides, descentes relâchées",
        pain_rule="Règle de la douleur : une gêne légère jusqu'à 3 sur 10 qui disparaît le lendemain matin est"
        " acceptable ; au-delà, ou si tu boites, saute la prochaine sortie et consulte un kiné si cela persiste.",
        achilles="Vérifie ton tendon d'Achille chaque matin : s'il est plus raide que d'habitude, remplace la"
        " prochaine sortie par du repos ou du vélo.",
        achilles_strength="Fais les montées sur pointes et descentes du talon lentement.",
        medical="Fais un bilan chez ton médecin avant de commencer.",
        masters="Après 50 ans, la récupération est plus longue : garde les jours faciles vraiment faciles, dors"
        " bien et ajoute un jour de repos si tes jambes restent lourdes.",
        shoes="Cours avec des chaussures de running bien adaptées, sur sol souple si possible ; les pauses marchées"
        " sont toujours permises.",
        fuelling_advice="Sur les séances de plus de 2 heures, entraîne-toi à manger et boire comme le jour de la"
        " course (environ 30 à 60 g de glucides par heure).",
        trail_advice="La course compte {elevation} m de dénivelé positif : entraîne-toi à la marche rapide dans les"
        " montées raides et aux descentes contrôlées pendant tes sorties longues, sur des sentiers vallonnés si"
        " possible.",
        swim_novice="Les séances de natation commencent par des éducatifs et des longueurs courtes avec"
        " récupération au bord ; nage au moins une fois en eau libre avec ta combinaison avant la course.",
        paces_training="Allures d'entraînement : seuil {threshold} ; facile {easy}.",
        paces_result="D'après ton résultat en course : allure course environ {race} ; seuil {threshold} ; facile"
        " {easy}.",
        swim_words=("échauffement", "éducatifs", ", récup {r}", "retour au calme"),
    ),
    "es": Notes(
        growth="El volumen pasa de unas {start} a {peak} por semana, ninguna semana más de un {rise}% por encima de"
        " la mayor semana anterior.",
        steady="El volumen se mantiene en unas {start} por semana.",
        lighter="[La semana {weeks} es más suave|Las semanas {weeks} son más suaves] para asimilar el trabajo.",
        taper_easy="[La última semana es más suave|Las últimas {weeks} semanas son más suaves] para llegar fresco"
        " al día de la carrera.",
        phase_easy={
            "build": "El volumen crece con sesiones suaves a ritmo conversacional; sin sesiones duras.",
            "peak": "Las semanas de más volumen del plan, siempre a ritmo suave.",
            "taper": "El volumen baja para llegar fresco.",
        },
        focus_easy={
            "build": "Construir volumen",
            "peak": "Semanas de más volumen",
            "taper": "Menos volumen, piernas frescas",
        },
        strength="sentadillas, zancadas, puente de glúteos, plancha, plancha lateral",
        strength_calf="elevaciones de talones, descensos excéntricos de talón",
        fuelling="practica la hidratación y los geles",
        climbing="sube caminando rápido las cuestas empinadas, baja relajado",
        pain_rule="Regla del dolor: una molestia leve de hasta 3 sobre 10 que desaparece a la mañana siguiente es"
        " aceptable; si pasa de ahí o cojeas, sáltate la próxima sesión y consulta a un fisioterapeuta si"
        " persiste.",
        achilles="Revisa tu tendón de Aquiles cada mañana: si está más rígido de lo normal, cambia la próxima"
        " carrera por descanso o bicicleta.",
        achilles_strength="Haz las elevaciones y los descensos de talón despacio.",
        medical="Hazte un chequeo médico antes de empezar.",
        masters="A partir de los 50 la recuperación es más lenta: mantén los días suaves de verdad suaves,"
        " duerme bien y añade un día de descanso si las piernas siguen pesadas.",
        shoes="Corre con zapatillas de running que te queden bien, sobre superficies blandas cuando puedas; las"
        " pausas caminando siempre están permitidas.",
        fuelling_advice="En las sesiones de más de 2 horas, practica comer y beber como el día de la carrera (unos"
        " 30–60 g de hidratos por hora).",
        trail_advice="La carrera tiene {elevation} m de desnivel positivo: practica subir caminando rápido las"
        " cuestas empinadas y bajar con control en tus tiradas largas, por senderos con desnivel cuando puedas.",
        swim_novice="La natación empieza con ejercicios de técnica y largos cortos con descanso en el borde; nada al"
        " menos una vez en aguas abiertas con neopreno antes de la carrera.",
        paces_training="Ritmos de entrenamiento: umbral {threshold}; suave {easy}.",
        paces_result="Según tu marca: ritmo de carrera de unos {race}; umbral {threshold}; suave {easy}.",
        swim_words=("calentamiento", "técnica", " con {r} de descanso", "vuelta a la calma"),
    ),
    "it": Notes(
        growth="Il volume passa da circa {start} a {peak} a settimana, nessuna settimana oltre il {rise}% sopra la"
        " settimana più grande precedente.",
        steady="Il volume resta di circa {start} a settimana.",
        lighter="[La settimana {weeks} è più leggera|Le settimane {weeks} sono più leggere] per assimilare il lavoro.",
        taper_easy="[L'ultima settimana è più leggera|Le ultime {weeks} settimane sono più leggere] per arrivare"
        " freschi alla gara.",
        phase_easy={
            "build": "Il volume cresce con sedute facili a ritmo di conversazione; nessuna seduta dura.",
            "peak": "Le settimane più grandi del piano, sempre a ritmo facile.",
            "taper": "Il volume cala per arrivare freschi.",
        },
        focus_easy={"build": "Costruire volume", "peak": "Settimane più grandi", "taper": "Meno volume, gambe fresche"},
        strength="squat, affondi, ponte glutei, plank, plank laterale",
        strength_calf="sollevamenti sui polpacci, discese eccentriche del tallone",
        fuelling="allenati a mangiare e bere",
        climbing="salite ripide a passo svelto, discese sciolte",
        pain_rule="Regola del dolore: un fastidio lieve fino a 3 su 10 che passa entro la mattina dopo va bene; se"
        " va oltre o zoppichi, salta la prossima uscita e, se persiste, consulta un fisioterapista.",
        achilles="Controlla il tendine d'Achille ogni mattina: se è più rigido del solito, sostituisci la"
        " prossima corsa con riposo o bici.",
        achilles_strength="Esegui sollevamenti e discese del tallone lentamente.",
        medical="Fai una visita medica prima di iniziare.",
        masters="Dopo i 50 anni il recupero è più lento: tieni davvero facili i giorni facili, dormi bene e"
        " aggiungi un giorno di riposo se le gambe restano pesanti.",
        shoes="Corri con scarpe da running adatte, su fondi morbidi quando puoi; le pause camminando sono sempre"
        " permesse.",
        fuelling_advice="Nelle sedute oltre le 2 ore allenati a mangiare e bere come in gara (circa 30–60 g di"
        " carboidrati all'ora).",
        trail_advice="La gara ha {elevation} m di dislivello positivo: nei lunghi allenati a camminare svelto sulle"
        " salite ripide e a scendere controllato, su sentieri collinari quando puoi.",
        swim_novice="Il nuoto parte da esercizi tecnici e vasche brevi con recupero a bordo vasca; nuota almeno una"
        " volta in acque libere con la muta prima della gara.",
        paces_training="Ritmi di allenamento: soglia {threshold}; facile {easy}.",
        paces_result="Dal tuo risultato in gara: ritmo gara circa {race}; soglia {threshold}; facile {easy}.",
        swim_words=("riscaldamento", "tecnica", " con {r} di pausa", "defaticamento"),
    ),
    "pt": Notes(
        growth="O volume passa de cerca de {start} para {peak} por semana, nenhuma semana mais de {rise}% acima da"
        " maior semana anterior.",
        steady="O volume mantém-se em cerca de {start} por semana.",
        lighter="[A semana {weeks} é mais leve|As semanas {weeks} são mais leves] para assimilar o trabalho.",
        taper_easy="[A última semana é mais leve|As últimas {weeks} semanas são mais leves] para chegares fresco"
        " ao dia da prova.",
        phase_easy={
            "build": "O volume cresce com sessões leves a ritmo de conversa; sem sessões duras.",
            "peak": "As semanas de maior volume do plano, sempre a ritmo leve.",
            "taper": "O volume desce para chegares fresco.",
        },
        focus_easy={
            "build": "Construir volume",
            "peak": "Semanas de maior volume",
            "taper": "Menos volume, pernas frescas",
        },
        strength="agachamentos, afundos, ponte de glúteos, prancha, prancha lateral",
        strength_calf="elevações de gémeos, descidas excêntricas do calcanhar",
        fuelling="treina a alimentação",
        climbing="sobe a caminhar rápido as subidas íngremes, desce solto",
        pain_rule="Regra da dor: um desconforto ligeiro até 3 em 10 que passa até à manhã seguinte é aceitável; se"
        " for além disso ou coxeares, salta o próximo treino e consulta um fisioterapeuta se persistir.",
        achilles="Verifica o tendão de Aquiles todas as manhãs: se estiver mais rígido do que o habitual, troca a"
        " próxima corrida por descanso ou bicicleta.",
        achilles_strength="Faz as elevações e descidas do calcanhar devagar.",
        medical="Faz um check-up médico antes de começar.",
        masters="A partir dos 50 a recuperação é mais lenta: mantém os dias leves mesmo leves, dorme bem e"
        " acrescenta um dia de descanso se as pernas continuarem pesadas.",
        shoes="Corre com sapatilhas de corrida adequadas, em piso macio quando puderes; as pausas a caminhar são"
        " sempre permitidas.",
        fuelling_advice="Nas sessões com mais de 2 horas, treina comer e beber como no dia da prova (cerca de"
        " 30–60 g de hidratos por hora).",
        trail_advice="A prova tem {elevation} m de desnível positivo: treina subir a caminhar rápido as subidas"
        " íngremes e descer com controlo nos longões, em trilhos com desnível quando puderes.",
        swim_novice="A natação começa com exercícios de técnica e piscinas curtas com descanso na parede; nada pelo"
        " menos uma vez em águas abertas com fato antes da prova.",
        paces_training="Ritmos de treino: limiar {threshold}; leve {easy}.",
        paces_result="Pelo teu resultado em prova: ritmo de prova cerca de {race}; limiar {threshold}; leve {easy}.",
        swim_words=("aquecimento", "técnica", ", recuperação {r}", "retorno à calma"),
    ),
    "nl": Notes(
        growth="Het volume groeit van ongeveer {start} naar {peak} per week, geen week meer dan {rise}% boven de"
        " grootste week ervoor.",
        steady="Het volume blijft rond {start} per week.",
        lighter="[Week {weeks} is|De weken {weeks} zijn] lichter, om het werk te verwerken.",
        taper_easy="[De laatste week is|De laatste {weeks} weken zijn] lichter, zodat je fris aan de start staat.",
        phase_easy={
            "build": "Het volume groeit met rustige trainingen op praattempo; geen zware trainingen.",
            "peak": "De grootste weken van het schema, nog steeds rustig.",
            "taper": "Het volume daalt zodat je fris aankomt.",
        },
        focus_easy={"build": "Volume opbouwen", "peak": "Grootste weken", "taper": "Minder volume, frisse benen"},
        strength="squats, lunges, bilbrug, plank, zijplank",
        strength_calf="kuitheffen, excentrische hieldips",
        fuelling="oefen eten en drinken",
        climbing="steile klimmen stevig wandelen, afdalingen ontspannen",
        pain_rule="Pijnregel: lichte klachten tot 3 op 10 die de volgende ochtend weg zijn, zijn oké; bij meer pijn"
        " of als je mank loopt, sla de volgende training over en ga naar een fysiotherapeut als het aanhoudt.",
        achilles="Controleer elke ochtend je achillespees: is die stijver dan normaal, vervang de volgende loop"
        " door rust of fietsen.",
        achilles_strength="Doe het kuitheffen en de hieldips langzaam.",
        medical="Laat je vooraf door je huisarts controleren.",
        masters="Vanaf je 50e duurt herstel langer: houd rustige dagen echt rustig, slaap goed en neem een extra"
        " rustdag als je benen zwaar blijven.",
        shoes="Loop op goed passende hardloopschoenen, waar het kan op zachte ondergrond; wandelpauzes mogen altijd.",
        fuelling_advice="Oefen bij trainingen van meer dan 2 uur eten en drinken zoals op de wedstrijddag (ongeveer"
        " 30–60 g koolhydraten per uur).",
        trail_advice="De wedstrijd heeft {elevation} hoogtemeters: oefen op je lange duurlopen stevig wandelen op"
        " steile klimmen en gecontroleerd dalen, waar het kan op heuvelachtige paden.",
        swim_novice="De zwemtrainingen beginnen met techniekoefeningen en korte baantjes met rust aan de kant; zwem"
        " voor de wedstrijd minstens één keer in open water met je wetsuit.",
        paces_training="Trainingstempo's: drempel {threshold}; rustig {easy}.",
        paces_result="Uit je wedstrijdresultaat: wedstrijdtempo ongeveer {race}; drempel {threshold}; rustig {easy}.",
        swim_words=("warm-up", "techniek", " met {r} rust", "cool-down"),
    ),
}
